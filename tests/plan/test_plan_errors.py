"""Plans that cannot be read: exit code 2 and one message naming the file and where in it."""
from __future__ import annotations

import pytest

from plan_support import case_dirs, check_golden, copy_case

CASES = case_dirs("plan_errors")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("command", ["lint", "compile"])
def test_unreadable_plan(case, command, project, run):
    copy_case(case, project)
    plan = next(p.name for p in case.iterdir() if p.stem == "plan")
    result = run(project, command, plan)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1
    check_golden(case / "expected.txt", result.err)


def test_missing_file(project, run):
    result = run(project, "compile", "nowhere.yaml")
    assert (result.code, result.err) == (2, "error: nowhere.yaml: no such file\n")


def test_unsupported_suffix(project, run):
    (project / "plan.json").write_text("{}", encoding="utf-8")
    result = run(project, "lint", "plan.json")
    assert result.code == 2
    assert "unsupported plan format '.json'" in result.err
