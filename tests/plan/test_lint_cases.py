"""Golden output of `protocol-kit lint` for each case folder under tests/cases/lint."""
from __future__ import annotations

import json

import pytest

from plan_support import ROOT, case_dirs, check_golden, copy_case
from protocol_kit import codes

CASES = case_dirs("lint")
PLAN_PII_CODES = {"PII002", "PII003"}  # personal data codes that plan lint reports


def _plan_file(case):
    return next(case.glob("plan.*")).name


def _lint_json(project, run, plan_file):
    return json.loads(run(project, "lint", "--format", "json", plan_file).out)["violations"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_lint_text_output(case, project, run):
    copy_case(case, project)
    result = run(project, "lint", _plan_file(case))
    check_golden(case / "expected.txt", result.out)
    errors = [f for f in _lint_json(project, run, _plan_file(case)) if f["severity"] == "error"]
    assert result.code == (1 if errors else 0)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_reports_its_code(case, project, run):
    code = case.name.split("-")[0]
    copy_case(case, project)
    found = _lint_json(project, run, _plan_file(case))
    assert code in {f["code"] for f in found}


def test_every_plan_lint_code_has_a_case():
    covered = {case.name.split("-")[0] for case in CASES}
    assert {code for code in codes.CODES if code.startswith("PL")} | PLAN_PII_CODES <= covered


def test_pii_config_adds_name_rules_and_allows_by_event_and_path(project, run):
    copy_case(CASES[0].parent / "PII003-config-names-and-allow-list", project)
    found = {(f["event"], f["path"]) for f in _lint_json(project, run, "plan.yaml")}
    assert ("Loyalty Joined", "/properties/member_number") in found
    assert ("Loyalty Joined", "/properties/reply_email") in found
    assert ("Support Ticket Opened", "/properties/reply_email") not in found


def test_demo_plans_lint_clean_at_error_level(run):
    result = run(ROOT, "lint", "--fail-on", "error")
    assert result.code == 0, result.out


def test_json_records_carry_code_name_severity_message_location(project, run):
    copy_case(CASES[0].parent / "PL401-minimum-above-maximum", project)
    found = _lint_json(project, run, "plan.yaml")
    assert found[0]["code"] == "PL401"
    assert found[0]["name"] == "minimum-above-maximum"
    assert found[0]["severity"] == "error"
    assert found[0]["location"] == "plan.yaml:6:7"
    assert found[0]["source"] == {"file": "plan.yaml", "line": 6, "column": 7}
    assert "minimum 5 is above maximum 1" in found[0]["message"]


def test_json_location_of_a_spreadsheet_finding(project, run):
    copy_case(CASES[0].parent / "PL002-spreadsheet-xlsx", project)
    found = _lint_json(project, run, "plan.xlsx")
    typo = next(f for f in found if "Descripton" in f["message"])
    assert typo["source"] == {"file": "plan.xlsx", "sheet": "Tracking Plan", "row": 1, "column": 7}
    assert typo["location"] == "plan.xlsx[Tracking Plan], row 1, column 7"
