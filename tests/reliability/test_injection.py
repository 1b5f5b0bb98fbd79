"""Report formats are safe to open: no spreadsheet formulas, no terminal escapes, well-formed XML, bounded size."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from protocol_kit.plan import load_plan

PLAN = Path(__file__).resolve().parents[2] / "plans" / "ecommerce.yaml"
FORMULA = '=HYPERLINK("http://127.0.0.1/x","click")'


def write_events(folder: Path, *events: dict) -> None:
    (folder / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")


def test_csv_report_cells_never_start_a_formula(project, run):
    write_events(project, {"event": FORMULA, "properties": {}}, {"event": "@SUM(1)", "properties": {}},
                 {"event": "Products Searched", "properties": {"query": "q", "-2+3": 1}})
    result = run(project, "validate", "--plan", str(PLAN), "e.jsonl", "--format", "csv")
    assert result.code == 1
    cells = [cell for row in csv.reader(io.StringIO(result.out)) for cell in row]
    assert "'" + FORMULA in cells and "'@SUM(1)" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_exported_csv_plan_is_formula_safe_and_loads_back_the_same(project, run):
    plan = project / "plan.yaml"
    plan.write_text("plan: shop\nevents:\n  Product Viewed:\n    description: '=1+2'\n    properties:\n"
                    "      sku: {type: string, description: '-5 when unknown'}\n", encoding="utf-8")
    result = run(project, "export", "plan.yaml", "--format", "csv", "-o", "plan.csv")
    assert result.code == 0, result.err
    cells = [cell for row in csv.reader(io.StringIO((project / "plan.csv").read_text())) for cell in row]
    assert "'=1+2" in cells and "'-5 when unknown" in cells
    assert load_plan(project / "plan.csv").events == load_plan(plan).events


def test_control_characters_are_escaped_in_text_and_xml(project, run):
    name = "Evil\x1b[2J\x1b]0;owned\x07 \x00Name\ud800"
    write_events(project, {"event": name, "messageId": "id\x0b1", "properties": {}})
    for format_name in ("text", "concise", "markdown", "github"):
        result = run(project, "validate", "--plan", str(PLAN), "e.jsonl", "--format", format_name)
        assert result.code == 1
        assert "\x1b" not in result.out and "\x07" not in result.out and "\x00" not in result.out
        assert "x1b[2J" in result.out  # shown as an escape (markdown doubles the backslash)
    junit = run(project, "validate", "--plan", str(PLAN), "e.jsonl", "--format", "junit")
    ElementTree.fromstring(junit.out.encode("utf-8"))  # well-formed
    sarif = run(project, "validate", "--plan", str(PLAN), "e.jsonl", "--format", "sarif")
    json.loads(sarif.out)


def test_huge_values_are_cut_in_reports(project, run):
    huge = "x" * 5_000_000
    write_events(project, {"event": "Order Completed", "properties": {"order_id": "o", "total": 1, "currency": huge}},
                 {"event": huge, "properties": {}})
    for format_name in ("json", "html", "jsonl", "sarif", "segment"):
        result = run(project, "validate", "--plan", str(PLAN), "e.jsonl", "--format", format_name)
        assert result.code == 1
        assert len(result.out) < 100_000, format_name
        assert "more characters]" in result.out
