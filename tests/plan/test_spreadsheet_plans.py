"""Spreadsheet plans (xlsx, csv) load to the same plan as YAML and compile to the same bytes."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from plan_support import CASES, ROOT
from protocol_kit.compile import compile_plan
from protocol_kit.errors import PlanError
from protocol_kit.plan import load_plan
from protocol_kit.plan.tables import cells
from protocol_kit.violation import Location

PLANS = CASES / "plans"


def _workbook_from_csv(source: Path, target: Path, *, sheet: str = "Events", first: str | None = None) -> Path:
    """The csv's rows in an xlsx sheet, numbers and booleans typed as a spreadsheet program would store them."""
    workbook = Workbook()
    if first:
        workbook.active.title = first
        events = workbook.create_sheet(sheet)
    else:
        events = workbook.active
        events.title = sheet
    with source.open(encoding="utf-8", newline="") as stream:
        for row in csv.reader(stream):
            events.append([_typed(value) for value in row])
    workbook.save(target)
    return target


def _typed(value: str):
    if value == "":
        return None
    if value in ("TRUE", "FALSE"):
        return value == "TRUE"
    try:
        return float(value) if "." in value else int(value)
    except ValueError:
        return value


def test_ecommerce_compiles_to_the_same_bytes_from_yaml_xlsx_and_csv():
    from_yaml = compile_plan(load_plan(ROOT / "plans/ecommerce.yaml")).files()
    assert compile_plan(load_plan(ROOT / "plans/ecommerce.xlsx")).files() == from_yaml
    assert compile_plan(load_plan(PLANS / "ecommerce.csv")).files() == from_yaml


def test_committed_workbook_is_current():
    assert load_plan(ROOT / "plans/ecommerce.xlsx") == load_plan(ROOT / "plans/ecommerce.yaml"), \
        "run: protocol-kit export plans/ecommerce.yaml --format xlsx"


def test_analyst_csv_means_what_the_yaml_says():
    """Header aliases, yes/x/TRUE/0 flags, value lists, nested paths, event rows, identify and group rows."""
    assert load_plan(PLANS / "analyst.csv") == load_plan(PLANS / "analyst.yaml")


@pytest.mark.parametrize("sheet, first", [("Events", "Notes"), ("Tracking Plan", None), ("Anything", None)])
def test_analyst_workbook_means_what_the_yaml_says(tmp_path, sheet, first):
    workbook = _workbook_from_csv(PLANS / "analyst.csv", tmp_path / "analyst.xlsx", sheet=sheet, first=first)
    assert load_plan(workbook) == load_plan(PLANS / "analyst.yaml")


def test_plan_sheet_settings(tmp_path):
    path = _workbook_from_csv(PLANS / "analyst.csv", tmp_path / "analyst.xlsx")
    from openpyxl import load_workbook
    workbook = load_workbook(path)
    settings = workbook.create_sheet("Plan")
    for row in (("Key", "Value"), ("Plan Name", "signup"), ("version", 2.5), ("Event Naming", "title_case"),
                ("additional_properties", "yes")):
        settings.append(row)
    workbook.save(path)
    plan = load_plan(path)
    assert (plan.name, plan.version, plan.conventions.event_names, plan.additional_properties) == \
        ("signup", "2.5", "title_case", True)


def test_every_key_has_a_sheet_row_and_column(tmp_path):
    plan = load_plan(_workbook_from_csv(PLANS / "analyst.csv", tmp_path / "analyst.xlsx"))
    zip_code = plan.event("Signed Up").properties[4].properties[1]
    assert zip_code.name == "zip"
    assert zip_code.location == Location(file=str(tmp_path / "analyst.xlsx"), sheet="Events", row=8, column=3)
    assert plan.event("Signed Up").location.row == 2


def test_name_and_version_options_and_the_default_name(tmp_path):
    plain = tmp_path / "signup_events.csv"
    plain.write_text("Event,Property,Type\nSigned Up,method,string\n", encoding="utf-8")
    assert (load_plan(plain).name, load_plan(plain).version) == ("signup_events", None)
    named = load_plan(plain, name="signup", version="1.0")
    assert (named.name, named.version) == ("signup", "1.0")


def test_csv_sidecar_settings(tmp_path):
    plain = tmp_path / "signup.csv"
    plain.write_text("Event;Property;Type\nSigned Up;method;string\n", encoding="utf-8")
    (tmp_path / "signup.meta.yaml").write_text("plan: growth\nversion: 3\nconventions: {property_names: any}\n",
                                               encoding="utf-8")
    plan = load_plan(plain)
    assert (plan.name, plan.version, plan.conventions.property_names) == ("growth", "3", "any")
    assert plan.event("Signed Up").properties[0].type == "string"


def test_compile_options_name_a_csv_plan(project, run):
    (project / "events.csv").write_text("Event,Property,Type\nSigned Up,method,string\n", encoding="utf-8")
    result = run(project, "compile", "events.csv", "--plan-name", "signup", "--plan-version", "4", "-o", "out")
    assert result.code == 0
    assert (project / "out/signup/track/signed_up.json").is_file()
    assert '"version": "4"' in (project / "out/signup/index.json").read_text(encoding="utf-8")


def test_missing_event_column_names_the_sheet(tmp_path):
    workbook = Workbook()
    workbook.active.title = "Events"
    workbook.active.append(["Name", "Property"])
    workbook.save(tmp_path / "plan.xlsx")
    with pytest.raises(PlanError) as raised:
        load_plan(tmp_path / "plan.xlsx")
    assert str(raised.value).startswith(f"{tmp_path / 'plan.xlsx'}[Events], row 1: no 'Event' column; "
                                        "headers found: 'Name', 'Property'; expected: Event, Event Description")


def test_legacy_xls_is_named(tmp_path):
    (tmp_path / "plan.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(PlanError, match="legacy .xls workbook"):
        load_plan(tmp_path / "plan.xlsx")


def test_empty_sheet(tmp_path):
    Workbook().save(tmp_path / "plan.xlsx")
    with pytest.raises(PlanError, match="sheet 'Sheet' is empty"):
        load_plan(tmp_path / "plan.xlsx")


@pytest.mark.parametrize("written, expected", [
    ("yes", True), ("YES", True), ("x", True), ("X", True), ("1", True), (1, True), (True, True), ("true", True),
    ("no", False), ("No", False), ("0", False), (0, False), (False, False), ("FALSE", False),
])
def test_flag_words(written, expected):
    assert cells.flag(written) is expected


@pytest.mark.parametrize("written, kind, expected", [
    ("a, b,c", "string", ["a", "b", "c"]),
    ("a,b | c", "string", ["a,b", "c"]),
    ("a\nb, c", "string", ["a", "b", "c"]),
    ("1, 2, 3", "integer", [1, 2, 3]),
    ("1, two", "integer", [1, "two"]),
    ("1.5 | 2 | 2.0", "number", [1.5, 2, 2]),
    ("true, false, No", "boolean", [True, False, False]),
    (10, "string", ["10"]),
    (10, "integer", [10]),
    ("01, 02", "string", ["01", "02"]),
    ("a, b", "string[]", ["a", "b"]),
])
def test_value_lists_take_the_declared_type(written, kind, expected):
    assert cells.value_list(written, kind) == expected


@pytest.mark.parametrize("written, expected", [("3", 3), ("3.0", 3), (3.0, 3), ("-1.25", -1.25), (7, 7)])
def test_numbers_are_ints_when_integral(written, expected):
    parsed = cells.number(written)
    assert parsed == expected and type(parsed) is type(expected)


def test_docs_list_every_column_and_spelling():
    from protocol_kit.plan.tables.columns import COLUMNS

    docs = (ROOT / "docs/plan-format.md").read_text("utf-8")
    table = docs[docs.index("| column | also accepted |"):]
    for column in COLUMNS:
        assert f"`{column.header}`" in table, column.header
        for alias in column.aliases:
            assert f"`{alias}`" in table, alias
