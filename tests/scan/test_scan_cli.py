"""``protocol-kit scan`` as users run it: output formats, exit codes, coverage, errors."""
from __future__ import annotations

import json

import pytest

from pathlib import Path

PLAN = Path(__file__).parent.parent / "cases" / "scan" / "plan.yaml"

BAD = 'analytics.track("Sign Up", { plan: "pro" });\nanalytics.track("Signed Up", { plan: "pro", referrer: "ad" });\n'
GOOD = 'analytics.track("Signed Up", { plan: "pro" });\nanalytics.track("Order Completed", { order_id: "o", total: 1 });\n'
WARNING_ONLY = 'analytics.track("Signed Up", { plan: "pro", [key]: 1 });\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(f'[tool.protocol-kit]\nplans = ["{PLAN.as_posix()}"]\n')
    return tmp_path


def test_findings_exit_1_with_one_line_each(project, protocol_kit):
    (project / "app.js").write_text(BAD)
    outcome = protocol_kit("scan", "app.js")
    assert outcome.code == 1
    assert outcome.stdout.splitlines() == [
        "app.js:1:17: EV002 unplanned event 'Sign Up' (did you mean 'Signed Up'?)",
        "app.js:2:45: EV005 unplanned property 'referrer'",
    ]
    assert "Found 2 problems (2 errors)" in outcome.stderr


def test_clean_code_exits_0(project, protocol_kit):
    (project / "app.js").write_text(GOOD)
    outcome = protocol_kit("scan", "--plan", str(PLAN), "app.js")
    assert (outcome.code, outcome.stdout) == (0, "")


def test_warnings_are_shown_but_only_errors_fail(project, protocol_kit):
    (project / "app.js").write_text(WARNING_ONLY)
    assert protocol_kit("scan", "app.js").code == 0
    assert "SC002" in protocol_kit("scan", "app.js").stdout
    assert protocol_kit("scan", "--fail-on", "warning", "app.js").code == 1


def test_fail_on_from_configuration(project, protocol_kit):
    (project / "pyproject.toml").write_text(
        f'[tool.protocol-kit]\nplans = ["{PLAN.as_posix()}"]\n[tool.protocol-kit.scan]\nfail-on = "warning"\n')
    (project / "app.js").write_text(WARNING_ONLY)
    assert protocol_kit("scan", "app.js").code == 1
    assert protocol_kit("scan", "--fail-on", "never", "app.js").code == 0


def test_json_lists_the_violation_records(project, protocol_kit):
    (project / "app.js").write_text(BAD)
    outcome = protocol_kit("scan", "--format", "json", "app.js")
    records = json.loads(outcome.stdout)["violations"]
    assert outcome.code == 1
    assert [r["code"] for r in records] == ["EV002", "EV005"]
    assert records[1] == {
        "code": "EV005", "name": "unplanned-property", "kind": "unplanned_property", "severity": "error",
        "event": "Signed Up", "event_type": "track", "path": "/properties/referrer",
        "message": "unplanned property 'referrer'", "expected": None, "actual": "referrer",
        "source": {"file": "app.js", "line": 2, "column": 45}, "location": "app.js:2:45", "message_id": None,
    }


def test_json_of_clean_code_has_no_violations(project, protocol_kit):
    (project / "app.js").write_text(GOOD)
    assert json.loads(protocol_kit("scan", "--format", "json", "app.js").stdout)["violations"] == []


def test_directories_are_walked(project, protocol_kit):
    (project / "src" / "web").mkdir(parents=True)
    (project / "src" / "web" / "app.ts").write_text(BAD)
    (project / "src" / "server.py").write_text('analytics.track(uid, "Signed Up", {"plan": "pro"})\n')
    outcome = protocol_kit("scan", "src")
    assert [line.split(":")[0] for line in outcome.stdout.splitlines()] == ["src/web/app.ts"] * 2
    assert "Scanned 2 file(s)" in outcome.stderr


def test_coverage_lists_tracked_and_missing_events(project, protocol_kit):
    (project / "app.js").write_text(GOOD + 'analytics.track("Signed Up", { plan: "free" });\n')
    outcome = protocol_kit("scan", "--coverage", "app.js")
    assert outcome.code == 0
    assert outcome.stdout.splitlines() == [
        "✓ Signed Up          app.js:1:1, app.js:3:1",
        "✓ Order Completed    app.js:2:1",
        "✗ Product Viewed     never tracked",
        "✗ Newsletter Joined  never tracked",
        "✗ Legacy Viewed      never tracked",
        "2 of 5 planned events tracked; 3 missing.",
    ]


def test_fail_on_missing(project, protocol_kit):
    (project / "app.js").write_text(GOOD)
    assert protocol_kit("scan", "--coverage", "--fail-on-missing", "app.js").code == 1
    assert any(line.startswith("✓ Signed Up") for line in protocol_kit("scan", "--fail-on-missing", "app.js").stdout.splitlines())
    outcome = protocol_kit("scan", "--coverage", "--format", "json", "app.js")
    assert json.loads(outcome.stdout)["coverage"][0] == {"event": "Signed Up", "tracked": True,
                                                         "locations": ["app.js:1:1"], "unresolved_calls": 0}


def test_deprecated_events_may_be_missing(project, protocol_kit, tmp_path):
    every_active = "".join(f'analytics.track("{name}");\n' for name in
                           ("Signed Up", "Order Completed", "Product Viewed", "Newsletter Joined"))
    (project / "app.js").write_text(every_active)
    assert protocol_kit("scan", "--coverage", "--fail-on-missing", "--fail-on", "never", "app.js").code == 0


@pytest.mark.parametrize("args, message", [
    (("missing.js",), "missing.js: no such file or directory"),
    (("--plan", "nope.yaml", "."), "nope.yaml: no such file"),
])
def test_usage_errors_exit_2(project, protocol_kit, args, message):
    outcome = protocol_kit("scan", *args)
    assert outcome.code == 2
    assert message in outcome.stderr


def test_configuration_errors_exit_2(project, protocol_kit):
    (project / "pyproject.toml").write_text(
        f'[tool.protocol-kit]\nplans = ["{PLAN.as_posix()}"]\n[tool.protocol-kit.scan]\nreceiver = ["tracker"]\n')
    outcome = protocol_kit("scan", ".")
    assert outcome.code == 2
    assert "pyproject.toml: unknown key 'receiver' in [tool.protocol-kit.scan] (did you mean 'receivers'?)" in outcome.stderr


def test_help_explains_the_command(protocol_kit):
    outcome = protocol_kit("scan", "--help")
    assert outcome.code == 0
    for words in ("--plan", "--coverage", "--fail-on-missing", "--format", "protocol-kit: ignore[EV002]"):
        assert words in outcome.stdout


UNRESOLVED = ('import { Events } from "./events";\nimport { Other } from "a-package";\n'
              'analytics.track(Events.SIGNED_UP, { plan: "pro" });\n'
              'analytics.track(Other.NAME);\n'
              'function send(name) { analytics.track(name); }\n')


def test_the_summary_counts_calls_found_checked_and_unresolved(project, protocol_kit):
    (project / "events.js").write_text('export const Events = { SIGNED_UP: "Signed Up" };\n')
    (project / "app.js").write_text(UNRESOLVED)
    outcome = protocol_kit("scan", "app.js")
    assert outcome.code == 0
    assert outcome.stderr.strip().endswith("Scanned 1 file(s): 3 tracking calls, 1 checked, 2 with an event name "
                                           "not resolved (--show-unresolved lists them).")


def test_show_unresolved_says_where_and_why(project, protocol_kit):
    (project / "events.js").write_text('export const Events = { SIGNED_UP: "Signed Up" };\n')
    (project / "app.js").write_text(UNRESOLVED)
    outcome = protocol_kit("scan", "--show-unresolved", "app.js")
    assert outcome.stdout.splitlines() == [
        "app.js:4:17: unresolved event name 'Other.NAME': imported from 'a-package', not a file of the project",
        "app.js:5:39: unresolved event name 'name': a parameter of the enclosing function",
    ]


def test_strict_makes_each_unresolved_call_an_error(project, protocol_kit):
    (project / "events.js").write_text('export const Events = { SIGNED_UP: "Signed Up" };\n')
    (project / "app.js").write_text(UNRESOLVED)
    outcome = protocol_kit("scan", "--strict", "app.js")
    assert outcome.code == 1
    assert [line.split(" ")[1] for line in outcome.stdout.splitlines()] == ["SC008", "SC008"]
    assert "event name 'Other.NAME' not resolved (imported from 'a-package'" in outcome.stdout


def test_strict_from_configuration_and_suppressed_by_a_comment(project, protocol_kit):
    (project / "pyproject.toml").write_text(
        f'[tool.protocol-kit]\nplans = ["{PLAN.as_posix()}"]\n[tool.protocol-kit.scan]\nstrict = true\n')
    (project / "app.js").write_text('function send(name) { analytics.track(name); }  // protocol-kit: ignore[SC008]\n')
    outcome = protocol_kit("scan", "app.js")
    assert (outcome.code, outcome.stdout) == (0, "")


def test_coverage_prints_the_findings_too_and_one_exit_code(project, protocol_kit):
    (project / "app.js").write_text(BAD + 'analytics.track(someName);\n')
    outcome = protocol_kit("scan", "--coverage", "app.js")
    assert outcome.code == 1
    lines = outcome.stdout.splitlines()
    assert lines[0].startswith("app.js:1:17: EV002")
    assert "✗ Order Completed    not tracked by a resolved call; may be tracked by 1 unresolved call" in lines
    assert lines[-1] == "1 of 5 planned events tracked; 4 missing."


def test_coverage_tells_never_tracked_when_every_name_is_known(project, protocol_kit):
    (project / "app.js").write_text(GOOD)
    outcome = protocol_kit("scan", "--coverage", "--fail-on-missing", "app.js")
    assert outcome.code == 1
    assert "✗ Product Viewed     never tracked" in outcome.stdout.splitlines()
    assert "SC006 planned event 'Product Viewed' is never tracked" in outcome.stdout


def test_coverage_json_is_one_document_with_the_findings(project, protocol_kit):
    (project / "app.js").write_text(BAD + 'analytics.track(someName);\n')
    outcome = protocol_kit("scan", "--coverage", "--format", "json", "app.js")
    document = json.loads(outcome.stdout)
    assert [v["code"] for v in document["violations"]] == ["EV002", "EV005"]
    assert document["coverage"][1] == {"event": "Order Completed", "tracked": False, "locations": [],
                                       "unresolved_calls": 1}
    assert outcome.code == 1


def test_coverage_refuses_formats_it_cannot_print(project, protocol_kit):
    (project / "app.js").write_text(GOOD)
    outcome = protocol_kit("scan", "--coverage", "--format", "sarif", "app.js")
    assert outcome.code == 2
    assert "--coverage prints concise or text or json, not sarif" in outcome.stderr
