"""Export then load gives back an equal plan, for the example plans and for generated ones."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import load_workbook

from plan_support import CASES, ROOT
from protocol_kit.plan import load_plan
from protocol_kit.plan.export import EXPORTERS, export_plan
from protocol_kit.plan.export.yaml_writer import plan_to_data

EXAMPLES = [ROOT / "plans/ecommerce.yaml", ROOT / "plans/saas.yaml", CASES / "plans/analyst.yaml"]


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_example_plans_round_trip(source, fmt, tmp_path):
    plan = load_plan(source)
    export_plan(plan, tmp_path / f"out.{fmt}", format=fmt)
    assert load_plan(tmp_path / f"out.{fmt}", name=plan.name) == plan


def test_workbook_layout(tmp_path):
    export_plan(load_plan(ROOT / "plans/ecommerce.yaml"), tmp_path / "plan.xlsx", format="xlsx")
    workbook = load_workbook(tmp_path / "plan.xlsx")
    assert workbook.sheetnames == ["Events", "Plan"]
    events = workbook["Events"]
    header = [c.value for c in events[1]]
    assert header[:13] == ["Event", "Event Description", "Property", "Type", "Required", "Allowed Values",
                           "Description", "PII", "Pattern", "Minimum", "Maximum", "Owner", "Status"]
    assert all(c.font.bold for c in events[1])
    assert events.freeze_panes == "A2"
    assert events.auto_filter.ref == events.dimensions
    assert 10 <= events.column_dimensions["C"].width <= 60
    assert [r for r in workbook["Plan"].iter_rows(values_only=True)][:3] == [
        ("Key", "Value"), ("plan", "ecommerce"), ("version", "2.1.0")]


def test_export_is_byte_stable(tmp_path):
    plan = load_plan(ROOT / "plans/ecommerce.yaml")
    export_plan(plan, tmp_path / "a.xlsx", format="xlsx")
    export_plan(plan, tmp_path / "b.xlsx", format="xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_export_command(project, run):
    (project / "plans").mkdir()
    (project / "plans/shop.yaml").write_text((CASES / "plans/analyst.yaml").read_text("utf-8"), "utf-8")
    result = run(project, "export", "plans/shop.yaml")
    assert (result.code, result.out) == (0, "written plans/shop.xlsx\n")
    result = run(project, "export", "plans/shop.xlsx", "--format", "csv", "--out", "dictionary/shop.csv")
    assert result.out == "written dictionary/shop.csv\nwritten dictionary/shop.meta.yaml\n"
    assert load_plan(project / "dictionary/shop.csv") == load_plan(project / "plans/shop.yaml")
    assert run(project, "export", "plans/shop.yaml", "--format", "yaml").code == 2


# --- generated plans: the YAML dump/load is the reference ----------------------------------------

_TEXT = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABC XYZ0123456789.,;:'()-=/é"), min_size=1, max_size=30)
TEXT = _TEXT.map(str.strip).filter(bool)
NAME = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
EVENT_NAME = st.lists(st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True), min_size=1, max_size=3).map(" ".join)
WORD = st.from_regex(r"[A-Za-z0-9_-]{1,10}", fullmatch=True)
# xlsx keeps 15 significant digits, as Excel does: plan bounds and values are far shorter.
DECIMAL = st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: round(f, 3)).filter(lambda f: f != int(f))
NUMBER = st.one_of(st.integers(-1000, 1000), DECIMAL)
ENUMS = {
    "string": st.lists(WORD, min_size=1, max_size=4, unique=True),
    "integer": st.lists(st.integers(-50, 50), min_size=1, max_size=4, unique=True),
    "number": st.lists(NUMBER, min_size=1, max_size=4, unique=True),
    "boolean": st.just([True, False]),
}


@st.composite
def property_spec(draw, depth: int = 0, *, element: bool = False):
    kinds = ["string", "integer", "number", "boolean", "datetime", "email", "uuid", "any", "string[]"]
    kinds += ["object", "array"] if depth < 2 else []
    kind = draw(st.sampled_from(kinds))
    spec: dict = {} if kind == "any" else {"type": kind}
    for key, value in (("description", TEXT), ("required", st.booleans()), ("nullable", st.just(True)),
                       ("pii", st.sampled_from(["email", "person_name", False, True]))):
        if draw(st.booleans()) and not (element and key == "required"):  # elements of an array are never required
            spec[key] = draw(value)
    if kind in ENUMS and draw(st.booleans()):
        spec["enum"] = draw(ENUMS[kind])
    if kind in ("integer", "number") and draw(st.booleans()):
        spec["minimum"], spec["maximum"] = draw(NUMBER), draw(NUMBER)
    if kind == "string" and draw(st.booleans()):
        spec.update(pattern=draw(st.sampled_from(["^[a-z]+$", "^\\d{4}$", "x|y"])),
                    min_length=draw(st.integers(0, 5)), max_length=draw(st.integers(5, 50)))
    if kind == "object":
        spec["properties"] = draw(fields(depth + 1))
        if draw(st.booleans()):
            spec["additional_properties"] = draw(st.booleans())
    if kind == "array" and draw(st.booleans()):
        spec["items"] = draw(property_spec(depth + 1, element=True))
    return spec


def fields(depth: int = 0):
    return st.dictionaries(NAME, property_spec(depth), max_size=4)


@st.composite
def plans(draw):
    data: dict = {"plan": draw(NAME)}
    if draw(st.booleans()):
        data["version"] = draw(st.from_regex(r"[0-9]{1,2}\.[0-9]{1,2}(\.[0-9])?", fullmatch=True))
    data["conventions"] = {"event_names": draw(st.sampled_from(["object_action_title", "any"])),
                           "property_names": draw(st.sampled_from(["snake_case", "camelCase"]))}
    data["defaults"] = {"additional_properties": draw(st.booleans())}
    if draw(st.booleans()):
        data["common"] = {"context": draw(fields(1))}
    for call, field in (("identify", "traits"), ("group", "traits"), ("page", "properties")):
        if draw(st.booleans()):
            data[call] = {"description": draw(TEXT), field: draw(fields())}
    events = draw(st.dictionaries(EVENT_NAME, st.fixed_dictionaries(
        {"properties": fields()},
        optional={"description": TEXT, "owner": WORD, "status": st.sampled_from(["active", "deprecated"]),
                  "additional_properties": st.booleans()}), max_size=4))
    if events:
        data["events"] = events
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_generated_plans_round_trip(data):
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "plan.yaml"
        source.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        plan = load_plan(source)
        assert plan_to_data(load_plan(source)) == plan_to_data(plan)
        for fmt in sorted(EXPORTERS):
            export_plan(plan, Path(folder) / f"out.{fmt}", format=fmt)
            assert load_plan(Path(folder) / f"out.{fmt}") == plan, fmt
