"""An imported plan written as a spreadsheet (xlsx, csv) keeps its labels and raw JSON Schema: they travel
in the Event Labels, Event JSON Schema and JSON Schema columns and load back as they were."""
from __future__ import annotations

import pytest

from protocol_kit.errors import InputError
from protocol_kit.plan import load_plan
from protocol_kit.plan.export import export_plan
from protocol_kit.plan.walk import iter_properties
from vendor_support import CASES, case_id, import_case


def _kept(plan) -> dict:
    return {(e.call, e.name): (e.labels, e.json_schema, {path: p.json_schema for path, p in iter_properties(e)})
            for e in plan.events}


@pytest.mark.parametrize("format", ["xlsx", "csv"])
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_labels_and_raw_schema_survive_a_spreadsheet(case, format, tmp_path):
    plan = import_case(case).plan
    if any(e.name in ("identify", "group", "page", "screen") for e in plan.track_events):
        with pytest.raises(InputError, match="cannot be written as a spreadsheet row"):
            export_plan(plan, tmp_path / f"plan.{format}", format=format)
        return  # an mParticle screen named "screen": in a spreadsheet that name means the screen call
    export_plan(plan, tmp_path / f"plan.{format}", format=format)
    assert _kept(load_plan(tmp_path / f"plan.{format}")) == _kept(plan)


def test_a_cell_that_is_no_json_object_names_its_column(tmp_path, run, project):
    plan = tmp_path / "plan.csv"
    plan.write_text("Event,Property,Type,JSON Schema\nOrder Completed,total,number,[5]\n", encoding="utf-8")
    result = run(project, "lint", str(plan))
    assert result.code == 2
    assert "row 2" in result.err and "JSON Schema: expected a JSON object" in result.err
