"""`protocol-kit infer` as a user runs it: files written, exit codes, report formats, errors."""
from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

from protocol_kit.plan import load_plan

CASES = Path(__file__).resolve().parents[1] / "cases" / "infer"
BASIC = str(CASES / "basic" / "events.jsonl")
DECISIONS = str(CASES / "decisions" / "events.jsonl")


def test_writes_the_draft_and_exits_0_by_default(project, run):
    result = run(project, "infer", DECISIONS, "--out", "draft.yaml")
    assert result.code == 0, result.err
    assert load_plan(project / "draft.yaml").event("Video Played") is not None
    assert "IN001" in result.out and "plan written to draft.yaml" in result.out


def test_fail_on_makes_findings_exit_1(project, run):
    assert run(project, "infer", DECISIONS, "--out", "draft.yaml", "--fail-on", "warning").code == 1
    assert run(project, "infer", DECISIONS, "--out", "draft.yaml", "--fail-on", "error").code == 0


def test_spreadsheet_drafts_go_through_the_plan_exporters(project, run):
    for name, fmt in (("draft.xlsx", None), ("draft.csv", "csv"), ("sheet", "xlsx")):
        args = ["--format", fmt] if fmt else []
        result = run(project, "infer", BASIC, "--out", name, *args)
        assert result.code == 0, result.err
    assert (project / "draft.meta.yaml").exists() and (project / "sheet.xlsx").exists()
    yaml_plan = run(project, "infer", BASIC, "--out", "draft.yaml")
    assert yaml_plan.code == 0
    reference = load_plan(project / "draft.yaml")
    assert load_plan(project / "draft.xlsx").events == reference.events
    assert load_plan(project / "draft.csv").events == reference.events


def test_findings_are_located_in_the_spreadsheet_written(project, run):
    result = run(project, "infer", DECISIONS, "--out", "draft.xlsx", "--report-format", "json")
    found = json.loads(result.out)["violations"]
    mixed = next(v for v in found if v["code"] == "IN001")
    assert mixed["source"]["file"] == "draft.xlsx" and mixed["source"]["row"] > 1


def test_analyst_report_has_one_row_per_event_property(project, run):
    result = run(project, "infer", BASIC, "--out", "draft.yaml", "--report", "xlsx=report.xlsx",
                 "--report", "html=report.html", "--report-format", "json")
    assert result.code == 0, result.err
    with zipfile.ZipFile(project / "report.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
    assert "Observed properties" in workbook and "Observed events" in workbook
    html = (project / "report.html").read_text("utf-8")
    assert "<h2>Observed properties</h2>" in html and "/properties/products/*/quantity" in html
    paths = json.loads(result.out)["summary"]["inference"]["paths"]
    assert {p["path"] for p in paths} >= {"/properties/total", "/traits/email", "/properties/products/*/price"}
    email = next(p for p in paths if p["path"] == "/traits/email")
    assert email["pii"] == "email" and all("***" in e for e in email["examples"])  # masked, never raw


def test_bounds_are_enforced_only_when_asked(project, run):
    run(project, "infer", BASIC, "--out", "loose.yaml")
    run(project, "infer", BASIC, "--out", "bounded.yaml", "--bounds")
    total = {name: next(p for p in load_plan(project / name).event("Order Completed").properties
                        if p.name == "total") for name in ("loose.yaml", "bounded.yaml")}
    assert total["loose.yaml"].minimum is None and total["loose.yaml"].maximum is None
    assert total["bounded.yaml"].minimum == 12 and total["bounded.yaml"].maximum == 497.18
    assert "12..497.18" in (project / "loose.yaml").read_text("utf-8")  # reported either way


def test_required_ratio_and_enum_limits(project, run):
    run(project, "infer", DECISIONS, "--out", "strict.yaml", "--required-ratio", "1", "--enum-max-values", "2")
    props = {p.name: p for p in load_plan(project / "strict.yaml").event("Video Played").properties}
    assert props["player"].required is False and props["video_id"].required is True
    assert props["quality"].enum is None  # three values, above the limit of two


def test_stdin_and_folders_are_read_as_validate_reads_them(project, run, monkeypatch):
    import io
    import sys

    data = (CASES / "decisions" / "events.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run(project, "infer", "-", "--out", "stdin.yaml").code == 0
    assert run(project, "infer", str(CASES / "decisions"), "--out", "folder.yaml").code == 0
    (project / "events.jsonl.gz").write_bytes(gzip.compress(data))
    assert run(project, "infer", "events.jsonl.gz", "--out", "gzip.yaml").code == 0
    batch = {"batch": [json.loads(line) for line in data.splitlines()]}
    (project / "batch.json").write_text(json.dumps(batch), encoding="utf-8")
    assert run(project, "infer", "batch.json", "--out", "batch.yaml").code == 0
    drafts = [load_plan(project / f"{name}.yaml").events for name in ("stdin", "folder", "gzip", "batch")]
    assert all(events == drafts[0] for events in drafts)


def test_out_must_be_a_plan_file_of_the_format_asked(project, run):
    result = run(project, "infer", BASIC, "--out", "plan.data")
    assert result.code == 2 and "a plan file ends in .yaml" in result.err
    result = run(project, "infer", BASIC, "--out", "plan.yaml", "--format", "xlsx")
    assert result.code == 2 and "does not match" in result.err


def test_merge_never_overwrites_the_plan_merged_into(project, run):
    (project / "plan.yaml").write_text("plan: shop\n# kept\n", encoding="utf-8")
    result = run(project, "infer", BASIC, "--merge-into", "plan.yaml", "--out", "plan.yaml")
    assert result.code == 2 and "refusing to overwrite" in result.err
    assert (project / "plan.yaml").read_text("utf-8") == "plan: shop\n# kept\n"


def test_a_missing_input_is_a_usage_error(project, run):
    result = run(project, "infer", "nope.jsonl", "--out", "draft.yaml")
    assert result.code == 2 and "nope.jsonl" in result.err and "no such file" in result.err
    assert not (project / "draft.yaml").exists()


def test_an_unknown_convention_is_a_usage_error(project, run):
    result = run(project, "infer", BASIC, "--out", "draft.yaml", "--conventions", "snake,camelCase")
    assert result.code == 2 and "unknown convention 'snake'" in result.err


def test_chosen_conventions_are_the_plans(project, run):
    result = run(project, "infer", BASIC, "--out", "draft.yaml", "--conventions", "snake_case,camelCase",
                 "--report-format", "concise")
    plan = load_plan(project / "draft.yaml")
    assert (plan.conventions.event_names, plan.conventions.property_names) == ("snake_case", "camelCase")
    assert "PL101 event name 'Order Completed' is not snake_case" in result.out
    assert "PL102 property name 'order_id' is not camelCase" in result.out


def test_conventions_need_both_styles(project, run):
    result = run(project, "infer", BASIC, "--out", "draft.yaml", "--conventions", "snake_case")
    assert result.code == 2 and "is not EVENTS,PROPERTIES" in result.err


def test_progress_is_reported_while_reading():
    from protocol_kit.events import read_chunks
    from protocol_kit.infer import infer_plan

    seen: list[int] = []
    events = [{"event": "A B", "properties": {"n": n}} for n in range(25_000)]
    result = infer_plan(iter(events), progress=seen.append)
    assert seen == [10_000, 20_000] and result.totals["events"] == 25_000
    chunks: list[int] = []
    infer_plan(read_chunks([DECISIONS], chunk_lines=50), progress=chunks.append)
    assert chunks == []  # fewer than 10,000 events: nothing to show


def test_settings_give_the_defaults_and_options_win(project, run):
    (project / "pyproject.toml").write_text("[tool.protocol-kit.infer]\nrequired_ratio = 1.0\nbounds = true\n"
                                            'fail_on = "warning"\n', encoding="utf-8")
    result = run(project, "infer", DECISIONS, "--out", "draft.yaml")
    assert result.code == 1  # fail_on = "warning" and IN001 is a warning
    props = {p.name: p for p in load_plan(project / "draft.yaml").event("Video Played").properties}
    assert props["player"].required is False and props["position"].maximum == 597
    result = run(project, "infer", DECISIONS, "--out", "draft.yaml", "--required-ratio", "0.9", "--no-bounds",
                 "--fail-on", "never")
    props = {p.name: p for p in load_plan(project / "draft.yaml").event("Video Played").properties}
    assert result.code == 0 and props["player"].required is True and props["position"].maximum is None


def test_a_bad_setting_is_a_configuration_error(project, run):
    (project / "pyproject.toml").write_text("[tool.protocol-kit.infer]\nrequired_ration = 0.9\n", encoding="utf-8")
    result = run(project, "infer", DECISIONS, "--out", "draft.yaml")
    assert result.code == 2 and "did you mean 'required-ratio'" in result.err
