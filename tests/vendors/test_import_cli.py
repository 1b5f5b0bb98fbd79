"""``protocol-kit import`` and ``protocol-kit export --to``, as a user runs them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from protocol_kit.plan import load_plan
from vendor_support import ROOT, VENDOR

TELEMETRY = VENDOR / "segment-typewriter/segmentio__typewriter/src/telemetry/plan.json"
RUDDER_CREATE = VENDOR / "rudderstack-yaml/rudderlabs__rudder-iac/cli/tests/testdata/project/create"
IGLU = VENDOR / "snowplow-iglu/snowplow__iglu-central/schemas"


def test_import_writes_the_plan_and_reports_counts(run, project):
    out = project / "plan.yaml"
    result = run(project, "import", str(TELEMETRY), "--out", str(out), "--format", "json")
    assert result.code == 0, result.err
    assert "segment: 6 events, 50 properties" in result.err
    report = json.loads(result.out)
    assert {k: report["summary"][k] for k in ("events", "properties", "common")} == {
        "events": 6, "properties": 50, "common": 0}
    assert {v["code"] for v in report["violations"]} >= {"IM002", "PL302"}  # import findings, then lint's
    plan = load_plan(out)
    assert plan.name == "Typewriter Tracking Plan" and len(plan.events) == 6


def test_import_fails_on_findings_when_asked(run, project):
    result = run(project, "import", str(TELEMETRY), "-o", str(project / "p.yaml"), "--fail-on", "warning")
    assert result.code == 1  # lint warnings (descriptions missing) and the IM002 warning


def test_a_folder_with_several_plans_needs_select(run, project):
    result = run(project, "import", str(RUDDER_CREATE), "-o", str(project / "p.yaml"))
    assert result.code == 2
    assert "expected one tracking plan, found 2" in result.err and "--select" in result.err
    chosen = run(project, "import", str(RUDDER_CREATE), "-o", str(project / "p.yaml"), "--select", "app_tracking")
    assert chosen.code == 0 and load_plan(project / "p.yaml").name == "App Tracking"


@pytest.mark.parametrize("config, message", [
    (VENDOR / "avo/avohq__avo/avo.json", "an Avo CLI workspace file"),
    (VENDOR / "segment-spec-payloads/collectors__segment-webhook/test/fixtures/track.json",
     "not a tracking plan of a known format"),
])
def test_files_that_are_no_plans_are_named_with_the_reason(run, project, config, message):
    result = run(project, "import", str(config), "-o", str(project / "p.yaml"))
    assert result.code == 2
    assert result.err.startswith(f"error: {config}: {message}")


def test_bad_json_names_file_line_and_column(run, project):
    broken = project / "plan.json"
    broken.write_text('{"rules": [\n  {"key": "A",}\n]}\n', encoding="utf-8")
    result = run(project, "import", str(broken), "-o", str(project / "p.yaml"))
    assert result.code == 2
    assert f"{broken}:2:" in result.err and "not valid JSON" in result.err


def test_the_format_can_be_named(run, project):
    result = run(project, "import", "--from", "iglu", str(IGLU), "-o", str(project / "p.yaml"), "--format", "json")
    assert result.code == 0
    assert json.loads(result.out)["summary"]["events"] == 9


@pytest.mark.parametrize("format, name", [("segment", "plan.json"), ("segment-terraform", "plan.tf"),
                                          ("mparticle", "plan.json"), ("mixpanel", "plan.json"),
                                          ("avo", "plan.json"), ("iglu", "registry"), ("rudderstack", "project"),
                                          ("opentrackplan", "opentp")])
def test_export_to_a_vendor_format_is_deterministic_and_imports_back(run, project, format, name):
    plan = ROOT / "plans" / "ecommerce.yaml"
    first = run(project, "export", str(plan), "--to", format, "--out", str(project / "a" / name))
    second = run(project, "export", str(plan), "--to", format, "--out", str(project / "b" / name))
    assert first.code == second.code == 0
    assert _tree(project / "a") == _tree(project / "b")  # the same bytes every time: exports diff cleanly
    assert "IM00" in first.err  # what the format cannot hold, or holds as an extension, is listed
    back = run(project, "import", "--from", format, str(project / "a" / name), "-o", str(project / "back.yaml"))
    assert back.code == 0, back.err


def test_segment_export_sorts_keys_as_typewriter_does(run, project):
    run(project, "export", str(ROOT / "plans" / "saas.yaml"), "--to", "segment", "-o", str(project / "plan.json"))
    text = (project / "plan.json").read_text("utf-8")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_export_to_needs_out(run, project):
    result = run(project, "export", str(ROOT / "plans" / "saas.yaml"), "--to", "segment")
    assert result.code == 2 and "--to segment needs --out" in result.err


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder).as_posix()).split("/", 1)[-1]: p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_terraform_text_is_not_interpolated(run, project):
    """``${`` and ``%{`` in names and descriptions are escaped in the HCL written, and read back as written."""
    plan = project / "plan.yaml"
    plan.write_text("plan: p\nevents:\n  Order Placed:\n    description: 'costs ${price} %{ if x }'\n"
                    "    properties:\n      total: {type: number, description: '${total}'}\n", encoding="utf-8")
    assert run(project, "export", str(plan), "--to", "segment-terraform", "-o", str(project / "tp.tf")).code == 0
    text = (project / "tp.tf").read_text("utf-8")
    assert "$${price}" in text and "%%{ if x }" in text and "$${total}" in text
    assert run(project, "import", str(project / "tp.tf"), "-o", str(project / "back.yaml")).code == 0
    event = load_plan(project / "back.yaml").event("Order Placed")
    assert event.description == "costs ${price} %{ if x }" and event.properties[0].description == "${total}"


def test_terraform_interpolation_cannot_be_read_offline(run, project):
    tf = project / "tp.tf"
    tf.write_text('resource "segment_tracking_plan" "p" {\n  name = "${var.name}"\n  rules = []\n}\n', encoding="utf-8")
    result = run(project, "import", str(tf), "-o", str(project / "p.yaml"))
    assert result.code == 2 and f"{tf}:2: string templates" in result.err


def test_findings_name_the_line_in_json_files_too(run, project):
    fixture = VENDOR / "segment-typewriter/segmentio__typewriter/tests/__fixtures__/tracking-plan-fixture.json"
    result = run(project, "import", str(fixture), "-o", str(project / "p.yaml"), "--format", "json")
    dropped = [v for v in json.loads(result.out)["violations"] if v["code"] == "IM002" and v["event"]]
    assert dropped and dropped[0]["source"] == {"file": str(fixture), "line": 40, "column": 9}
    assert dropped[0]["path"] == "/events/1/rules/required"


def test_import_does_not_overwrite_its_source(run, project):
    source = project / "opentp.yaml"
    source.write_text((VENDOR / "opentrackplan/opentrackplan__opentp-spec/examples/simple/opentp.yaml")
                      .read_text("utf-8"), encoding="utf-8")
    before = source.read_bytes()
    result = run(project, "import", str(project), "-o", str(source))
    assert result.code == 2 and "refusing to overwrite" in result.err
    assert source.read_bytes() == before
