"""The shared output options, through ``protocol-kit lint``."""
from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

PLAN = Path(__file__).resolve().parents[1] / "cases" / "report" / "plans" / "shop.yaml"


def test_format_json_on_stdout(protocol_kit):
    out = protocol_kit("lint", str(PLAN), "--format", "json")
    assert out.code == 1
    document = json.loads(out.stdout)
    assert document["summary"]["plan"] == "shop" and document["summary"]["violations"] == 3
    assert {row["code"] for row in document["digest"]} == {"PL002", "PL101", "PL102"}


def test_several_report_files_in_one_run(protocol_kit, tmp_path):
    out = protocol_kit("lint", str(PLAN), "--format", "github", "--report", f"xlsx={tmp_path}/r/plan.xlsx",
                       "--report", f"html={tmp_path}/plan.html", "--violations-out", f"{tmp_path}/v.jsonl")
    assert out.code == 1
    assert out.stdout.startswith("::error file=")
    assert load_workbook(tmp_path / "r" / "plan.xlsx").sheetnames == ["Summary", "Digest", "Violations", "Events"]
    assert "<table id=\"digest-table\">" in (tmp_path / "plan.html").read_text("utf-8")
    events = [json.loads(line) for line in (tmp_path / "v.jsonl").read_text("utf-8").splitlines()]
    assert [e["event"] for e in events] == ["Violation Generated"] * 3
    assert out.stderr.count("wrote ") == 3


def test_fail_on_new_passes_until_a_new_problem_appears(protocol_kit, tmp_path):
    saved = tmp_path / "baseline.json"
    assert protocol_kit("lint", str(PLAN), "--write-baseline", str(saved)).code == 1
    again = protocol_kit("lint", str(PLAN), "--baseline", str(saved), "--fail-on-new", "--format", "markdown")
    assert again.code == 0
    assert "0 new**, 3 still present, 0 fixed" in again.stdout
    changed = tmp_path / "shop.yaml"
    changed.write_text(PLAN.read_text("utf-8").replace("order_id: {type: string,", "OrderRef: {type: string,"))
    worse = protocol_kit("lint", str(changed), "--baseline", str(saved), "--fail-on-new", "--format", "json")
    assert worse.code == 1
    statuses = {(row["code"], row["path"]): row["status"] for row in json.loads(worse.stdout)["digest"]}
    assert statuses[("PL102", "/properties/OrderRef")] == "new"
    assert statuses[("PL102", "/properties/OrderId")] == "present"


def test_usage_errors_exit_2(protocol_kit, tmp_path):
    assert protocol_kit("lint", str(PLAN), "--fail-on-new").code == 2
    bad = protocol_kit("lint", str(PLAN), "--report", "pdf=x.pdf")
    assert bad.code == 2 and "unknown format 'pdf'" in bad.stderr
    assert protocol_kit("lint", str(PLAN), "--report", "xlsx").code == 2
    (tmp_path / "b.json").write_text("{}")
    assert protocol_kit("lint", str(PLAN), "--baseline", str(tmp_path / "b.json")).code == 2


def test_text_is_plain_when_not_on_a_terminal(protocol_kit):
    out = protocol_kit("lint", str(PLAN))
    assert "\x1b[" not in out.stdout
    assert "PL101" in out.stdout and "3 violations (3 errors)" in out.stdout


def test_scan_writes_sarif_and_github_annotations(protocol_kit, tmp_path, monkeypatch):
    import jsonschema
    scan_plan = Path(__file__).resolve().parents[1] / "cases" / "scan" / "plan.yaml"
    schema = json.loads((Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json").read_text())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.js").write_text('analytics.track("Sign Up", { plan: "pro" });\n')
    out = protocol_kit("scan", "--plan", str(scan_plan), "app.js", "--format", "github",
                       "--report", "sarif=out/scan.sarif")
    assert out.code == 1
    assert out.stdout.startswith("::error file=app.js,line=1,col=17,title=EV002 unplanned-event::")
    sarif = json.loads((tmp_path / "out" / "scan.sarif").read_text())
    jsonschema.validate(sarif, schema)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 17}
