"""Golden findings of `protocol-kit diff` for each plan pair under tests/cases/diff.

A case folder holds ``old`` and ``new`` plans in any form (``old.yaml``,
``new.xlsx``, a compiled ``old/`` folder...), ``expected.txt`` (the findings,
``--format concise``), optionally ``args`` (more options, such as
``--ignore-file ignore.yaml``), ``changelog.md`` (the ``changelog`` output) and
``report.FORMAT`` (the output of ``--format FORMAT``).
A folder named after a code (``DF104-property-removed``) must report that code.
"""
from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from plan_support import case_dirs, check_golden, copy_case
from protocol_kit import codes

CASES = case_dirs("diff")


def plans(case: Path) -> list[str]:
    def one(label: str) -> str:
        return label if (case / label).is_dir() else next(case.glob(f"{label}.*")).name
    return [one("old"), one("new")]


def extra_args(case: Path) -> list[str]:
    return shlex.split((case / "args").read_text()) if (case / "args").exists() else []


def findings(project, run, case) -> list[dict]:
    result = run(project, "diff", *plans(case), "--format", "json", "--fail-on", "none", *extra_args(case))
    assert result.code == 0, result.err
    return json.loads(result.out)["violations"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_findings(case, project, run):
    copy_case(case, project)
    result = run(project, "diff", *plans(case), "--format", "concise", "--fail-on", "none", *extra_args(case))
    assert result.code == 0, result.err
    check_golden(case / "expected.txt", result.out)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_exit_code_of_the_default_gate(case, project, run):
    """By default only errors fail, and every error is a change that breaks producers or a version gate."""
    copy_case(case, project)
    found = findings(project, run, case)
    errors = [f for f in found if f["severity"] == "error"]
    assert all("impact: producers" in f["message"] or f["code"] == "DF501" for f in errors)
    assert run(project, "diff", *plans(case), *extra_args(case)).code == (1 if errors else 0)


@pytest.mark.parametrize("case", [c for c in CASES if c.name.startswith("DF")], ids=lambda c: c.name)
def test_case_reports_its_code(case, project, run):
    copy_case(case, project)
    assert case.name[:5] in {f["code"] for f in findings(project, run, case)}


@pytest.mark.parametrize("case", [c for c in CASES if (c / "changelog.md").exists()], ids=lambda c: c.name)
def test_changelog(case, project, run):
    copy_case(case, project)
    result = run(project, "changelog", *plans(case))
    assert result.code == 0, result.err
    check_golden(case / "changelog.md", result.out)
    assert run(project, "diff", *plans(case), "--changelog").out == result.out


def test_every_plan_change_code_has_a_case():
    covered = {case.name[:5] for case in CASES}
    assert {code for code in codes.CODES if code.startswith("DF")} <= covered


REPORTS = [(case, report) for case in CASES for report in sorted(case.glob("report.*"))]


@pytest.mark.parametrize("case, report", REPORTS, ids=[f"{c.name}-{r.suffix[1:]}" for c, r in REPORTS])
def test_report_format(case, report, project, run):
    """``report.FORMAT`` files: the golden output of ``--format FORMAT``."""
    copy_case(case, project)
    result = run(project, "diff", *plans(case), "--format", report.suffix[1:], "--fail-on", "none", *extra_args(case))
    check_golden(report, result.out)
