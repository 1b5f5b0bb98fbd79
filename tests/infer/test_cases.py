"""Golden drafts of `protocol-kit infer` for each event stream under tests/cases/infer.

A case folder holds ``events.jsonl``, optionally ``args`` (more options, such
as ``--merge-into plan.yaml``), ``expected.yaml`` (the draft with its evidence
comments) and ``expected.txt`` (the findings, ``--report-format concise``).
Every case also makes the round trip: the draft validates the same events with
no violation but those the findings name.
"""
from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from plan_support import case_dirs, check_golden, copy_case
from protocol_kit.events import read_events
from protocol_kit.infer import InferOptions, infer_plan, write_draft
from protocol_kit.plan import load_plan
from protocol_kit.validation import Validator
from tests.infer.roundtrip import unexplained

CASES = case_dirs("infer")


def extra_args(case: Path) -> list[str]:
    return shlex.split((case / "args").read_text()) if (case / "args").exists() else []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_draft_and_findings(case, project, run):
    copy_case(case, project)
    result = run(project, "infer", "events.jsonl", "--out", "draft.yaml", "--report-format", "concise",
                 *extra_args(case))
    assert result.code == 0, result.err
    check_golden(case / "expected.yaml", (project / "draft.yaml").read_text("utf-8"))
    check_golden(case / "expected.txt", result.out)


@pytest.mark.parametrize("case", [c for c in CASES if "--merge-into" not in extra_args(c)], ids=lambda c: c.name)
def test_round_trip(case, tmp_path):
    result = infer_plan(read_events([case / "events.jsonl"]))
    _, findings = write_draft(result, tmp_path / "draft.yaml")
    report = Validator(load_plan(tmp_path / "draft.yaml"), pii="off", max_violations=10_000).run(
        read_events([case / "events.jsonl"]))
    assert unexplained(report.violations, findings) == []


def test_the_merged_plan_keeps_every_planned_definition(tmp_path):
    case = next(c for c in CASES if c.name == "merge-into")
    existing = load_plan(case / "plan.yaml")
    result = infer_plan(read_events([case / "events.jsonl"]), InferOptions(merge_into=existing))
    write_draft(result, tmp_path / "merged.yaml")
    merged = load_plan(tmp_path / "merged.yaml")
    for event in existing.events:
        again = merged.event(event.name)
        assert again is not None and again.description == event.description
        assert all(prop in again.properties for prop in event.properties)
    assert {e.name for e in merged.events} == {"Product Viewed", "Cart Viewed", "Wishlist Added"}


def test_the_round_trip_check_sees_what_no_finding_names(tmp_path):
    """Another stream's violations against the draft are not named by its findings."""
    result = infer_plan(read_events([CASES[0] / "events.jsonl"]))
    _, findings = write_draft(result, tmp_path / "draft.yaml")
    other = next(c for c in CASES if c.name == "decisions")
    report = Validator(load_plan(tmp_path / "draft.yaml"), pii="off").run(read_events([other / "events.jsonl"]))
    assert {v.code for v in unexplained(report.violations, findings)} == {"EV002"}
