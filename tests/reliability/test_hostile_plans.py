"""Tiny hostile plans are refused in bounded time and memory, with a line saying why; no traceback."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANCHOR_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n" for i in range(8))


def lint(run, project: Path, name: str):
    result = run(project, "lint", name)
    assert "Traceback" not in result.err
    return result


def test_anchor_bomb(project, run):
    assert len(ANCHOR_BOMB) < 500  # before: 80 s and 6.9 GB of memory
    (project / "plan.yaml").write_text("plan: bomb\nevents: {}\n" + ANCHOR_BOMB, encoding="utf-8")
    result = lint(run, project, "plan.yaml")
    assert result.code == 2
    assert "values once its aliases are expanded; refusing to read it" in result.err


def test_many_aliases(project, run):
    aliases = "".join(f"  e{i}: *x\n" for i in range(1500))
    (project / "plan.yaml").write_text(f"plan: p\nx: &x 1\nextra:\n{aliases}events: {{}}\n", encoding="utf-8")
    result = lint(run, project, "plan.yaml")
    assert result.code == 2 and "more than 1000 aliases" in result.err


@pytest.mark.parametrize("levels", [101, 10_000])
def test_deep_nesting(project, run, levels):
    (project / "plan.yaml").write_text("plan: p\nevents: {}\nx: " + "[" * levels + "]" * levels + "\n",
                                       encoding="utf-8")
    result = lint(run, project, "plan.yaml")
    assert result.code == 2
    assert re.search(r"plan.yaml:3:\d+: the plan is nested more than 100 levels deep", result.err)


def test_unknown_tags_are_findings_and_run_nothing(project, run):
    (project / "plan.yaml").write_text(
        "plan: p\nevents:\n  Order Completed:\n    description: !!python/object/apply:os.system touch pwned\n"
        "    properties: {id: !!python/name:builtins.exec {type: string, description: x}}\n", encoding="utf-8")
    result = lint(run, project, "plan.yaml")
    assert result.code == 1
    assert result.out.count("PL003") >= 2
    assert not (project / "pwned").exists()


def test_control_character_in_a_plan_is_one_line(project, run):  # found by bench/fuzz.py
    (project / "plan.yaml").write_text('plan: p\nevents: {}\nx: "a\x00b"\n', encoding="utf-8")
    result = lint(run, project, "plan.yaml")
    assert result.code == 2
    assert result.err == "error: plan.yaml: not valid YAML: character #x0000 at position 24 is not allowed\n"


def workbook_bytes(rows: list[list], **sheet_xml_edits: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Events"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    if not sheet_xml_edits:
        return out.getvalue()
    edited = io.BytesIO()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                for old, new in sheet_xml_edits.items():
                    data = re.sub(old.encode(), new.encode(), data)
            target.writestr(item, data)
    return edited.getvalue()


HEADER = ["Event", "Event Description", "Property", "Type", "Property Description"]


def test_rows_beyond_a_stale_dimension_are_read(project, run):
    rows = [HEADER] + [[f"Thing {i} Viewed", "A thing was viewed.", "id", "string", "The id."] for i in range(13)]
    (project / "plan.xlsx").write_bytes(workbook_bytes(rows, **{r'<dimension ref="[^"]*"/>': '<dimension ref="A1:E3"/>'}))
    from protocol_kit.plan import load_plan

    assert len(load_plan(project / "plan.xlsx").events) == 13  # before: 2


def test_workbook_part_that_unpacks_huge_is_refused(project, run):
    archive = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook_bytes([HEADER]))) as source, \
            zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        huge = b"<sst><si><t>" + b"a" * (100 * 1024 * 1024) + b"</t></si></sst>"
        target.writestr("xl/sharedStrings.xml", huge)
    del huge
    (project / "plan.xlsx").write_bytes(archive.getvalue())
    result = lint(run, project, "plan.xlsx")
    assert result.code == 2
    assert "part xl/sharedStrings.xml unpacks to 104,857,627 bytes" in result.err


def test_cell_longer_than_excel_allows_is_refused(project, run):
    rows = [HEADER, ["Thing Viewed", "x" * 100, "id", "string", "The id."]]  # openpyxl writes at most 32,767
    (project / "plan.xlsx").write_bytes(workbook_bytes(rows, **{"x{100}": "x" * 40_000}))
    result = lint(run, project, "plan.xlsx")
    assert result.code == 2
    assert "row 2, column 2: the cell holds 40,000 characters, more than the 32,767" in result.err


DEEP_JSON = "[" * 100_000 + "]" * 100_000


def test_deep_saved_results_and_baselines_are_input_errors(project, run):
    (project / "deep.json").write_text(DEEP_JSON, encoding="utf-8")
    (project / "e.jsonl").write_text('{"event": "Products Searched", "properties": {"query": "q"}}\n')
    digest = run(project, "digest", "deep.json")
    assert (digest.code, digest.err) == (2, "error: deep.json: nested too deeply to be a saved result\n")
    baseline = run(project, "validate", "--plan", str(ROOT / "plans" / "ecommerce.yaml"), "e.jsonl",
                   "--baseline", "deep.json")
    assert (baseline.code, baseline.err) == (2, "error: deep.json: nested too deeply to be a baseline\n")


def test_deep_compiled_plan_is_a_plan_error(project, run):
    folder = project / "schemas"
    folder.mkdir()
    (folder / "index.json").write_text(DEEP_JSON, encoding="utf-8")
    (project / "e.jsonl").write_text('{"event": "Products Searched"}\n')
    result = run(project, "validate", "--plan", "schemas", "e.jsonl")
    assert result.code == 2 and "broken compiled plan: nested too deeply" in result.err


def test_tags_on_keys_and_bad_merges(project, run):  # found by bench/fuzz.py (seed 1013)
    (project / "plan.yaml").write_text("plan: p\nevents: {}\nx:\n  !num a: 1\n", encoding="utf-8")
    result = lint(run, project, "plan.yaml")
    assert "PL003" in result.out and "unsupported YAML tag '!num'" in result.out
    (project / "plan.yaml").write_text("plan: p\nevents: {}\nm:\n  <<: 5\n", encoding="utf-8")
    result = lint(run, project, "plan.yaml")
    assert result.code == 2
    assert result.err.startswith("error: plan.yaml:4:7: YAML error: while constructing a mapping")
    assert len(result.err.splitlines()) == 1
