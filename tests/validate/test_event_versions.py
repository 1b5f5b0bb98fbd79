"""Versioned events: one schema per version, picked by context.protocols.event_version."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from protocol_kit import Validator, compile_plan, load_plan, validate
from protocol_kit.plan.export.yaml_writer import dump_yaml

CASE = Path(__file__).resolve().parents[1] / "cases" / "versions"
PLAN = CASE / "plan.yaml"


def events() -> list[dict]:
    return [json.loads(line) for line in (CASE / "events.jsonl").read_text().splitlines()]


def test_each_version_compiles_to_its_own_schema():
    compiled = compile_plan(load_plan(PLAN))
    assert [s.file for s in compiled.schemas] == ["track/order_completed/v1.json", "track/order_completed/v2.json",
                                                  "track/order_completed/v10.json"]
    assert [e["version"] for e in compiled.index()["schemas"]] == ["1", "10", "2"]  # sorted by file
    assert compiled.schemas[1].schema["x-protocol-kit"]["event_version"] == "2"


def test_the_payload_picks_its_version_and_falls_back_to_the_oldest():
    found = [[(v.code, v.path) for v in validate(event, PLAN).violations] for event in events()]
    assert found == [
        [],                                               # no version: version 1
        [],                                               # version 2, complete
        [("EV003", "/properties/total")],                 # "2" is version 2, which requires total
        [],                                               # version 10: order_id is a number
        [("EV013", "/context/protocols/event_version")],  # unknown: checked against version 1 (passes)
    ]


def test_unknown_version_says_which_are_planned():
    [violation] = validate(events()[4], PLAN).violations
    assert violation.message == ("event 'Order Completed' has no version '7' in the plan (planned: 1, 2, 10); "
                                 "checked against version 1")
    assert violation.severity == "warning" and violation.name == "unknown-event-version"


def test_fallback_to_the_latest():
    first = validate(events()[0], PLAN, event_version="latest")  # version 10: order_id is a number
    assert [(v.code, v.path) for v in first.violations] == [("EV004", "/properties/order_id"),
                                                          ("EV003", "/properties/total")]
    with pytest.raises(ValueError, match="oldest, latest"):
        Validator(PLAN, event_version="newest")


def test_the_fast_path_and_the_detailed_path_agree():
    report = Validator(PLAN).run(events())
    assert (report.summary.events, report.summary.valid, report.summary.invalid) == (5, 4, 1)


def test_spreadsheet_version_column_is_the_same_plan():
    assert load_plan(CASE / "plan.csv") == load_plan(PLAN)


def test_yaml_export_round_trips_versions(tmp_path):
    (tmp_path / "again.yaml").write_text(dump_yaml(load_plan(PLAN)))
    assert load_plan(tmp_path / "again.yaml") == load_plan(PLAN)


def test_validate_cli(project, run):
    for name in ("plan.yaml", "events.jsonl"):
        shutil.copy(CASE / name, project / name)
    result = run(project, "validate", "--plan", "plan.yaml", "events.jsonl", "--format", "concise")
    assert result.code == 1
    assert result.out.splitlines() == [
        "events.jsonl:3: EV003 required property 'total' is missing",
        "events.jsonl:5: EV013 event 'Order Completed' has no version '7' in the plan (planned: 1, 2, 10); "
        "checked against version 1",
    ]
    latest = run(project, "validate", "--plan", "plan.yaml", "events.jsonl", "--event-version", "latest",
                 "--format", "json")
    assert json.loads(latest.out)["summary"]["invalid"] == 3  # the unversioned and unknown ones fail version 10


def test_event_version_setting(project, run):
    for name in ("plan.yaml", "events.jsonl"):
        shutil.copy(CASE / name, project / name)
    (project / "pyproject.toml").write_text('[tool.protocol-kit.validate]\nevent_version = "latest"\n')
    result = run(project, "validate", "--plan", "plan.yaml", "events.jsonl", "--format", "json")
    assert json.loads(result.out)["summary"]["invalid"] == 3
    (project / "pyproject.toml").write_text('[tool.protocol-kit.validate]\nevent_version = "newest"\n')
    assert run(project, "validate", "--plan", "plan.yaml", "events.jsonl").code == 2


def test_lint_does_not_call_versions_duplicates(project, run):
    shutil.copy(PLAN, project / "plan.yaml")
    result = run(project, "lint", "plan.yaml", "--format", "json")
    assert "PL201" not in {v["code"] for v in json.loads(result.out)["violations"]}


def test_an_event_with_properties_and_versions_is_refused(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: p\nevents:\n  A B:\n    properties: {x: string}\n    versions:\n      1: {}\n")
    from protocol_kit.errors import PlanError
    with pytest.raises(PlanError, match="its properties belong in each version"):
        load_plan(plan)


def test_a_compiled_folder_keeps_the_versions(tmp_path):
    from protocol_kit.compile import load_compiled, write_schemas

    write_schemas(compile_plan(load_plan(PLAN)), tmp_path)
    compiled = load_compiled(tmp_path / "shop")
    assert [s.version for s in compiled.schemas] == ["1", "10", "2"]
    report = Validator(compiled).run(events())
    assert (report.summary.valid, report.summary.invalid) == (4, 1)


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "yaml"])
def test_every_export_format_round_trips_versions(tmp_path, fmt):
    from protocol_kit.plan.export import export_plan

    export_plan(load_plan(PLAN), tmp_path / f"plan.{fmt}", format=fmt)
    assert load_plan(tmp_path / f"plan.{fmt}") == load_plan(PLAN)


def test_a_version_on_a_call_row_is_refused(tmp_path):
    from protocol_kit.errors import PlanError

    (tmp_path / "plan.csv").write_text("Event,Version,Property,Type\nidentify,2,email,email\n")
    with pytest.raises(PlanError, match=r"plan.csv, row 2, column 2: Version applies to track events"):
        load_plan(tmp_path / "plan.csv")
