"""Golden output of `protocol-kit lint` for each case folder under tests/cases/lint."""
from __future__ import annotations

import json

import pytest

from plan_support import case_dirs, check_golden, copy_case
from protocol_kit import codes

CASES = case_dirs("lint")


def _plan_file(case):
    return next(case.glob("plan.*")).name


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_lint_text_output(case, project, run):
    copy_case(case, project)
    result = run(project, "lint", _plan_file(case))
    check_golden(case / "expected.txt", result.out)
    assert result.code == (1 if "[error]" in result.out else 0)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_reports_its_code(case, project, run):
    code = case.name.split("-")[0]
    copy_case(case, project)
    found = json.loads(run(project, "lint", "--format", "json", _plan_file(case)).out)
    assert code in {f["code"] for f in found}


def test_every_plan_lint_code_has_a_case():
    covered = {case.name.split("-")[0] for case in CASES}
    assert {code for code in codes.CODES if code.startswith("PL")} <= covered


def test_json_records_carry_code_name_severity_message_location(project, run):
    copy_case(CASES[0].parent / "PL401-minimum-above-maximum", project)
    found = json.loads(run(project, "lint", "--format", "json", "plan.yaml").out)
    assert found[0]["code"] == "PL401"
    assert found[0]["name"] == "minimum-above-maximum"
    assert found[0]["severity"] == "error"
    assert found[0]["location"] == "plan.yaml:6:7"
    assert found[0]["source"] == {"file": "plan.yaml", "line": 6, "column": 7}
    assert "minimum 5 is above maximum 1" in found[0]["message"]


def test_json_location_of_a_spreadsheet_finding(project, run):
    copy_case(CASES[0].parent / "PL002-spreadsheet-xlsx", project)
    found = json.loads(run(project, "lint", "--format", "json", "plan.xlsx").out)
    typo = next(f for f in found if "Descripton" in f["message"])
    assert typo["source"] == {"file": "plan.xlsx", "sheet": "Tracking Plan", "row": 1, "column": 7}
    assert typo["location"] == "plan.xlsx[Tracking Plan], row 1, column 7"
