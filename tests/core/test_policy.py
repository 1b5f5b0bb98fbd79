"""One code policy for every tool: select, ignore, severity and per-file-ignores in lint, validate and scan."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from protocol_kit import Validator, Violation
from protocol_kit.config import config_from_table
from protocol_kit.policy import CodePolicy
from protocol_kit.violation import Location

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "ecommerce.yaml"
DEPRECATED = '{"event": "Order Cancelled", "properties": {"order_id": "o-1"}}\n'
UNPLANNED_PROPERTY = ('{"event": "Products Searched", "properties": {"query": "socks", "colour": "red"}}\n')
DYNAMIC_KEY = 'analytics.track("Order Completed", {[key]: 1, order_id: "o", total: 1, currency: "EUR"});\n'


def v(code, file=None):
    return Violation.of(code, "m", source=Location(file=file))


def test_select_ignore_and_severity():
    policy = CodePolicy(select=("EV",), ignore=("EV01",), severity={"EV00": "info", "EV003": "warning"})
    kept = list(policy.apply([v("EV003"), v("EV004"), v("EV012"), v("PL101")]))
    assert [(x.code, x.severity) for x in kept] == [("EV003", "warning"), ("EV004", "info")]


def test_per_file_ignores_match_paths_and_names():
    policy = CodePolicy(per_file_ignores={"legacy/*": ("SC",), "*.py": ("EV002",)})
    kept = list(policy.apply([v("SC002", "legacy/a.js"), v("SC002", "src/a.js"), v("EV002", "deep/x.py"),
                              v("EV004", "deep/x.py"), v("SC002")]))
    assert [(x.code, x.source.file) for x in kept] == [("SC002", "src/a.js"), ("EV004", "deep/x.py"), ("SC002", None)]


def test_command_tables_override_the_top_level(tmp_path):
    config = config_from_table({"ignore": ["PL301"], "select": ["PL", "EV"], "severity": {"EV012": "info"},
                                "validate": {"select": ["EV"], "ignore": ["EV005"], "severity": {"EV012": "error"}}},
                               root=tmp_path)
    validate = config.policy("validate")
    assert validate.select == ("EV",) and validate.ignore == ("PL301", "EV005")
    assert validate.severity_of("EV012") == "error" and config.policy("scan").severity_of("EV012") == "info"
    assert config.policy("lint") == config.lint and config.lint.select == ("PL", "EV")


def test_validator_applies_its_policy_before_enforcing():
    strict = Validator(PLAN, mode="block")
    relaxed = Validator(PLAN, mode="block", policy=CodePolicy(severity={"EV005": "warning"}, ignore=("EV012",)))
    events = [json.loads(DEPRECATED), json.loads(UNPLANNED_PROPERTY)]
    out = io.BytesIO()
    assert strict.run(events).outcomes.dropped == 1
    report = relaxed.run(events, valid_out=out)
    assert (report.outcomes.passed, report.outcomes.dropped) == (2, 0)
    assert [(x.code, x.severity) for x in report.violations] == [("EV005", "warning")]
    assert out.getvalue().count(b"\n") == 2
    assert [x.code for x in relaxed.check(json.loads(DEPRECATED)).violations] == []


def test_an_ignored_first_error_does_not_hide_the_next_with_fail_fast():
    event = {"event": "Order Completed", "properties": {"order_id": "o", "total": "x", "currency": "usd"}}
    found = Validator(PLAN, fail_fast=True, policy=CodePolicy(ignore=("EV004",))).check(event).violations
    assert [x.code for x in found] == ["EV006"]


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "plan.yaml").write_text(PLAN.read_text("utf-8"), "utf-8")
    (tmp_path / "events.jsonl").write_text(DEPRECATED + UNPLANNED_PROPERTY)
    (tmp_path / "src").mkdir()
    (tmp_path / "legacy").mkdir()
    (tmp_path / "src" / "app.js").write_text(DYNAMIC_KEY)
    (tmp_path / "legacy" / "old.js").write_text(DYNAMIC_KEY)
    monkeypatch.chdir(tmp_path)

    def configure(text: str) -> None:
        (tmp_path / "pyproject.toml").write_text(f'[tool.protocol-kit]\nplans = ["plan.yaml"]\n{text}', "utf-8")
    return configure


def codes_of(outcome) -> list[str]:
    return [x["code"] for x in json.loads(outcome.stdout)["violations"]]


def test_ignore_in_validate(project, protocol_kit):
    project("")
    assert codes_of(protocol_kit("validate", "events.jsonl", "--format", "json")) == ["EV012", "EV005"]
    project('[tool.protocol-kit.validate]\nignore = ["EV012"]\n')
    outcome = protocol_kit("validate", "events.jsonl", "--format", "json")
    assert codes_of(outcome) == ["EV005"] and outcome.code == 1
    project('ignore = ["EV012"]\n[tool.protocol-kit.validate]\nseverity = {EV005 = "warning"}\n')
    outcome = protocol_kit("validate", "events.jsonl", "--format", "json")
    assert codes_of(outcome) == ["EV005"] and outcome.code == 0


def test_ignore_and_per_file_ignores_in_scan(project, protocol_kit):
    project("")
    found = codes_of(protocol_kit("scan", "src", "legacy", "--format", "json"))
    assert found.count("SC002") == 2
    project('[tool.protocol-kit.scan]\nper-file-ignores = {"legacy/*" = ["SC002"]}\n')
    outcome = protocol_kit("scan", "src", "legacy", "--format", "json")
    assert [(x["code"], x["source"]["file"]) for x in json.loads(outcome.stdout)["violations"]] == [
        ("SC002", "src/app.js")]
    project('ignore = ["SC002"]\n')
    assert "SC002" not in codes_of(protocol_kit("scan", "src", "legacy", "--format", "json"))


def test_top_level_ignore_in_lint(project, protocol_kit, tmp_path):
    (tmp_path / "plan.yaml").write_text("plan: shop\nevents:\n  Order Completed:\n    properties:\n"
                                        "      total: {type: number}\n", "utf-8")
    project("")
    before = codes_of(protocol_kit("lint", "--format", "json"))
    assert "PL302" in before
    project('ignore = ["PL302"]\n')
    assert "PL302" not in codes_of(protocol_kit("lint", "--format", "json"))
