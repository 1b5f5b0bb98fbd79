"""What golden files cannot show on their own: the formats are what their consumers accept."""
from __future__ import annotations

import html
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
from openpyxl import load_workbook

from protocol_kit import codes
from protocol_kit.report import render
from protocol_kit.report.formats import github, markdown, xlsx
from tests.report.sample import report, violations

SARIF_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def workbook_bytes() -> bytes:
    return render("xlsx", report())


def test_xlsx_has_the_named_sheets_with_bold_frozen_filtered_headers(workbook_bytes):
    book = load_workbook(io.BytesIO(workbook_bytes))
    assert book.sheetnames == ["Summary", "Digest", "Violations", "Events"]
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1] if cell.value)
    assert book["Digest"].auto_filter.ref == f"A1:K{len(report().digest) + 1}"
    assert book["Violations"].auto_filter.ref == "A1:L11"
    assert book["Digest"].column_dimensions["K"].width == 70


def test_xlsx_digest_rows_link_to_their_first_violation(workbook_bytes):
    book = load_workbook(io.BytesIO(workbook_bytes))
    digest, details = book["Digest"], book["Violations"]
    links = {row[1].value: row[1].hyperlink.location for row in digest.iter_rows(min_row=2) if row[1].hyperlink}
    assert links["EV003"] == "'Violations'!A2"
    assert links["EV004"] == "'Violations'!A3"
    assert "SC005" not in links  # capped out of the sample's violations: nothing to link to
    for code, location in links.items():
        assert details[location.split("!")[1].replace("A", "B")].value == code


def test_xlsx_reads_back_with_pandas(workbook_bytes):
    sheets = pd.read_excel(io.BytesIO(workbook_bytes), sheet_name=None)
    assert list(sheets) == ["Summary", "Digest", "Violations", "Events"]
    digest = sheets["Digest"]
    assert list(digest.columns[:4]) == ["Severity", "Code", "Name", "Event"]
    assert digest["Count"].sum() == report().summary.violations
    assert len(sheets["Violations"]) == 10
    assert sheets["Events"].set_index("Event").loc["Order Completed", "Violations"] == 5
    assert "1 violations are not listed" in " ".join(sheets["Summary"]["Value"].astype(str))


def test_xlsx_keeps_payload_text_as_text_and_drops_illegal_characters():
    data = report()
    hostile = data.violations[0].__class__.of("EV006", "bad\x00value", actual="=HYPERLINK(\"http://x\")")
    book = load_workbook(io.BytesIO(render("xlsx", data.__class__(**{**_fields(data), "violations": (hostile,)}))))
    row = [c for c in book["Violations"][2]]
    assert row[7].value == "bad\ufffdvalue"
    assert row[9].value == '=HYPERLINK("http://x")' and row[9].data_type == "s"


def test_xlsx_caps_sheets_at_the_row_limit_and_says_so():
    book = load_workbook(io.BytesIO(xlsx.render(report(), max_rows=4)))
    assert book["Violations"].max_row == 4
    notes = [r[1].value for r in book["Summary"].iter_rows() if r[0].value == "Note"][1:]  # after the run's own
    assert "8 violations are not listed on the Violations sheet (it lists 3)" in notes[0]
    assert "digest rows did not fit" in notes[1]


def test_sarif_is_valid_against_the_official_schema():
    document = json.loads(render("sarif", report()))
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text("utf-8")))


def test_sarif_rules_come_from_the_code_table():
    run = json.loads(render("sarif", report()))["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    for code, rule in rules.items():
        entry = codes.get(code)
        assert rule["name"] == entry.name and "helpUri" not in rule  # the help is embedded, not linked
        assert entry.fix in rule["help"]["text"] and entry.why in rule["fullDescription"]["text"]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    located = run["results"][-1]["locations"][0]["physicalLocation"]
    assert located == {"artifactLocation": {"uri": "plans/shop.yaml"}, "region": {"startLine": 40, "startColumn": 3}}


def test_junit_parses_with_one_failure_per_violation():
    root = ET.fromstring(render("junit", report()))
    failures = root.findall(".//failure")
    assert len(failures) == len(report().violations)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"events/2026-01-05.jsonl", "plans/shop.xlsx", "plans/shop.yaml"}
    cases = [c.get("name") for c in suites["events/2026-01-05.jsonl"].findall("testcase")]
    assert cases == ["Order Completed", "Signed Up", "Cart Viewed"]
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())


def test_junit_for_a_clean_run_is_one_passing_case():
    clean = report().__class__(tool="lint", title="protocol-kit lint", summary=report().summary.__class__())
    root = ET.fromstring(render("junit", clean))
    assert len(root.findall(".//testcase")) == 1 and not root.findall(".//failure")


@pytest.mark.parametrize("text, data, prop", [
    ("100%", "100%25", "100%25"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("x: y, z", "x: y, z", "x%3A y%2C z"),
])
def test_github_escapes_data_and_properties(text, data, prop):
    assert github.escape_data(text) == data
    assert github.escape_property(text) == prop


def test_github_levels_follow_severity():
    lines = render("github", report()).splitlines()
    assert lines[0].startswith("::error file=events/2026-01-05.jsonl,line=3,title=EV003 missing-required-property::")
    assert any(line.startswith("::warning ") for line in lines)
    assert all(line.count("::") == 2 for line in lines)


def test_json_has_the_documented_violation_fields():
    document = json.loads(render("json", report()))
    assert list(document) == ["summary", "digest", "violations"]
    assert document["violations"] == [v.to_dict() for v in violations()[:10]]
    assert document["summary"]["violations"] == 11 and document["summary"]["violations_omitted"] == 1
    lines = render("jsonl", report()).splitlines()
    assert [json.loads(line) for line in lines] == document["violations"]


def test_csv_digest_reads_back_with_pandas():
    table = pd.read_csv(io.StringIO(render("csv", report())))
    assert table["count"].sum() == 11
    assert table.loc[table["code"] == "EV004", "path"].item() == "/properties/products/*/quantity"


def test_markdown_cells_cannot_break_the_table():
    assert markdown.cell("a | b\nc <b>") == "a \\| b c &lt;b&gt;"
    for line in render("markdown", report()).splitlines():
        if line.startswith("| "):
            assert line.replace("\\|", "").count("|") == line.splitlines()[0].replace("\\|", "").count("|")


def test_segment_events_have_stable_message_ids():
    first = [json.loads(line) for line in render("segment", report()).splitlines()]
    again = [json.loads(line) for line in render("segment", report()).splitlines()]
    assert [e["messageId"] for e in first] == [e["messageId"] for e in again]
    assert len({e["messageId"] for e in first}) == len(first)
    assert first[0]["event"] == "Violation Generated" and first[0]["type"] == "track"
    assert first[0]["properties"]["violationField"] == "/properties/order_id"
    assert first[0]["properties"]["messageId"] == "msg-0003"
    assert first[0]["properties"]["trackingPlanVersion"] == "2.1.0"


def _fields(data):
    return {name: getattr(data, name) for name in data.__dataclass_fields__}


def test_text_colours_severities_only_when_asked_and_fits_the_width():
    from protocol_kit.report.formats import text
    assert "\x1b[" not in text.render(report())
    assert "\x1b[31merror\x1b[0m" in text.render(report(), color=True)
    table = text.render(report(), width=80).split("\n\n")[1]
    assert max(len(line) for line in table.splitlines()) <= 80


def test_terminal_respects_no_color(monkeypatch):
    import sys
    from protocol_kit.cli.report_options import terminal
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert terminal().color
    monkeypatch.setenv("NO_COLOR", "1")
    assert not terminal().color


@pytest.mark.parametrize("indent", [False, True])
def test_json_text_has_one_layout_whichever_library_writes_it(indent):
    from protocol_kit.report import jsontext
    ordinary = {"b": [1, 2.5, None, "é"], "a": {"c": True}}
    assert jsontext.dumps(ordinary, indent=indent) == json.dumps(
        ordinary, indent=2 if indent else None, separators=None if indent else (",", ":"), ensure_ascii=False)
    deep = nested = []
    for _ in range(400):
        nested.append([])
        nested = nested[0]
    for refused in ({"n": 2 ** 70}, {"deep": deep}):  # orjson refuses both: the standard library writes them
        assert json.loads(jsontext.dumps(refused, indent=indent)) == refused


def test_every_part_of_the_workbook_is_well_formed_xml_even_with_hostile_text():
    import zipfile
    from protocol_kit.report.xlsx_writer import Link, Sheet, Styled, write_workbook
    hostile = 'a<b>&"c"\x00\x1f' + "x" * 40_000
    book = write_workbook([Sheet("Odd 'name'", (("h&<", 10), ("v", 10)),
                                 [[Styled(hostile, "error"), Link("go", "'Odd ''name'''!A1", "<tip>")], [1.5, True]])])
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        for name in archive.namelist():
            ET.fromstring(archive.read(name))
    sheet = load_workbook(io.BytesIO(book))["Odd 'name'"]
    assert sheet["A2"].value.startswith('a<b>&"c"\ufffd\ufffd') and len(sheet["A2"].value) == 32_767
    assert (sheet["A3"].value, sheet["B3"].value) == (1.5, True)
    assert sheet["B2"].hyperlink.location == "'Odd ''name'''!A1"


def test_text_without_a_width_shortens_nothing():
    from protocol_kit.report.formats import text
    assert "'<script>alert(1)</script>' is not one of USD | EUR, GBP: 100% wrong⏎second line" in text.render(
        report(), width=None)


def test_html_and_markdown_explain_codes_from_the_code_table():
    data = report()
    page = render("html", data)
    markdown = render("markdown", data)
    assert "https://" not in page.replace("https://json", "")  # no link to a page that may not exist
    for code in data.summary.by_code:
        entry = codes.get(code)
        assert f'id="code-{code}"' in page and f'href="#code-{code}"' in page
        assert html.escape(entry.fix) in page
        assert f"{code} `{entry.name}`" in markdown
    assert "](http" not in markdown
