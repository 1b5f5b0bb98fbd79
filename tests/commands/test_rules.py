"""The rules commands apply hold for the library as for the CLI."""
from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import protocol_kit
from protocol_kit.commands import (CompileOptions, DigestOptions, ExportOptions, PlanNotCompiled, ScanOptions,
                                   ValidateOptions, compile_plans, digest, export, scan, validate_stream)
from protocol_kit.config import config_from_table
from protocol_kit.errors import ConfigError, InputError, OptionsError, PlanError
from protocol_kit.plan import load_plan

ROOT = Path(__file__).resolve().parent.parent.parent
PLAN = ROOT / "plans" / "ecommerce.yaml"
EVENTS = ROOT / "examples" / "events" / "ecommerce.jsonl"


@pytest.mark.parametrize("options, message", [
    (dict(mode="report", valid_out=Path("ok.jsonl")), "report mode changes nothing"),
    (dict(mode="block", quarantine_out=Path("q.jsonl")), "block mode drops nonconforming events"),
    (dict(mode="quarantine"), "quarantine mode needs --quarantine-out"),
    (dict(pii="hash"), "--pii hash needs a salt"),
])
def test_validate_refuses_options_that_do_not_go_together(tmp_path, monkeypatch, options, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OptionsError, match=message):
        validate_stream([EVENTS], ValidateOptions(plan=PLAN, **options))
    assert list(tmp_path.iterdir()) == []  # nothing was written


def test_validate_writes_what_the_mode_asks_for(tmp_path):
    options = ValidateOptions(plan=PLAN, mode="quarantine", valid_out=tmp_path / "ok.jsonl",
                              quarantine_out=tmp_path / "q.jsonl")
    run = validate_stream([EVENTS], options)
    outcomes = run.report.outcomes
    assert outcomes.balanced and outcomes.quarantined > 0
    assert len((tmp_path / "q.jsonl").read_bytes().splitlines()) == outcomes.quarantined
    assert len((tmp_path / "ok.jsonl").read_bytes().splitlines()) == outcomes.passed


def test_validate_options_from_the_configuration(tmp_path):
    config = config_from_table({"plans": ["shop.yaml"], "validate": {"mode": "block", "max_violations": 2},
                                "ignore": ["EV012"]}, root=tmp_path)
    options = ValidateOptions.configured(config, jobs=None, mode=None)
    assert (options.plan, options.mode, options.max_violations) == (tmp_path / "shop.yaml", "block", 2)
    assert options.policy.ignore == ("EV012",)
    assert ValidateOptions.configured(config, mode="report").mode == "report"
    with pytest.raises(ConfigError, match="no plan given"):
        ValidateOptions.configured(config_from_table({}, root=tmp_path))


def test_compile_refuses_a_plan_with_load_errors(tmp_path):
    broken = tmp_path / "plan.yaml"
    broken.write_text(PLAN.read_text().replace("events:", "events:\n  Order Completed:\n    properties: 3\n", 1))
    with pytest.raises(PlanNotCompiled) as refused:
        compile_plans([broken], CompileOptions(out=tmp_path / "out"))
    assert refused.value.findings and all(f.severity == "error" for f in refused.value.findings)
    assert not (tmp_path / "out").exists()


def test_compile_refuses_two_plans_of_one_name(tmp_path):
    shutil.copy(PLAN, tmp_path / "again.yaml")
    with pytest.raises(PlanError, match="several plans are named ecommerce"):
        compile_plans([PLAN, tmp_path / "again.yaml"], CompileOptions(out=tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_compile_then_check(tmp_path):
    written = compile_plans([load_plan(PLAN)], CompileOptions(out=tmp_path))
    assert not written.checked and not written.up_to_date  # files were written
    checked = compile_plans([PLAN], CompileOptions(out=tmp_path, check=True))
    assert checked.checked and checked.up_to_date


def test_scan_coverage_rule(tmp_path):
    (tmp_path / "app.js").write_text('analytics.track("Order Completed", {order_id: "o", total: 1, currency: "EUR"})\n')
    run = scan([tmp_path], [PLAN])
    assert run.coverage_failed and {v.code for v in run.missing} == {"SC006"}
    tracked = {item.event for item in run.coverage if item.tracked}
    assert tracked == {"Order Completed"}
    quiet = scan([tmp_path], [PLAN], ScanOptions(policy=config_from_table({"ignore": ["SC006"]},
                                                                          root=tmp_path).policy("scan")))
    assert not quiet.coverage_failed


def test_export_never_overwrites_the_plan(tmp_path):
    plan = tmp_path / "plan.yaml"
    shutil.copy(PLAN, plan)
    with pytest.raises(InputError, match="refusing to overwrite the plan itself"):
        export(plan, ExportOptions(format="yaml", out=plan))
    assert [p.name for p in export(plan, ExportOptions(format="xlsx")).files] == ["plan.xlsx"]


def test_digest_of_saved_results(tmp_path):
    saved = tmp_path / "run.json"
    run = validate_stream([EVENTS], ValidateOptions(plan=PLAN))
    from protocol_kit.report import render

    saved.write_text(render("json", run.data))
    now = datetime.now(timezone.utc)
    data = digest([saved], DigestOptions(now=now + timedelta(minutes=1)))
    assert data.summary.violations == run.report.summary.violations
    assert all(data.comparison.status(row) == "new" for row in data.digest)


def test_the_facade_is_exported():
    for name in ("lint", "compile_plans", "validate_stream", "digest", "export", "CodePolicy"):
        assert name in protocol_kit.__all__ and callable(getattr(protocol_kit, name))
