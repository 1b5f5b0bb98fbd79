"""[tool.protocol-kit.lint] select, ignore and severity, through the CLI in a project of its own."""
from __future__ import annotations

import json

import pytest

PLAN = """\
plan: shop
events:
  order_completed:
    properties:
      total: {type: number, minimum: 10, maximum: 1}
"""
# Unconfigured: PL101 (name), PL301 and PL302 (descriptions), PL401 (bounds).


def _lint(project, run, settings: str, *args: str):
    (project / "pyproject.toml").write_text(f"[tool.protocol-kit]\nplans = ['plan.yaml']\n{settings}",
                                            encoding="utf-8")
    (project / "plan.yaml").write_text(PLAN, encoding="utf-8")
    result = run(project, "lint", "--format", "json", *args)
    return result.code, [(f["code"], f["severity"]) for f in json.loads(result.out)["violations"]]


def test_defaults(project, run):
    code, found = _lint(project, run, "")
    assert sorted(found) == [("PL101", "error"), ("PL301", "warning"), ("PL302", "warning"), ("PL401", "error")]
    assert code == 1


def test_ignore_by_prefix(project, run):
    code, found = _lint(project, run, "[tool.protocol-kit.lint]\nignore = ['PL3', 'PL101']\n")
    assert found == [("PL401", "error")]


def test_select_then_ignore_more_specific(project, run):
    code, found = _lint(project, run, "[tool.protocol-kit.lint]\nselect = ['PL3']\nignore = ['PL302']\n")
    assert found == [("PL301", "warning")]
    assert code == 0


def test_severity_override_changes_exit_code(project, run):
    settings = "[tool.protocol-kit.lint]\nseverity = {PL1 = 'warning', PL401 = 'info'}\n"
    code, found = _lint(project, run, settings)
    assert ("PL101", "warning") in found and ("PL401", "info") in found
    assert code == 0
    code, _ = _lint(project, run, settings, "--fail-on", "warning")
    assert code == 1


@pytest.mark.parametrize("settings, message", [
    ("[tool.protocol-kit.lint]\nselect = ['PL9']\n", "'PL9' matches no code"),
    ("[tool.protocol-kit.lint]\nignroe = ['PL1']\n", "did you mean 'ignore'?"),
    ("[tool.protocol-kit.lint]\nseverity = {PL101 = 'fatal'}\n", "severity.PL101: expected one of info, warning, error, got 'fatal'"),
])
def test_bad_settings_are_usage_errors(project, run, settings, message):
    (project / "pyproject.toml").write_text(f"[tool.protocol-kit]\n{settings}", encoding="utf-8")
    (project / "plan.yaml").write_text(PLAN, encoding="utf-8")
    result = run(project, "lint", "plan.yaml")
    assert result.code == 2
    assert message in result.err
