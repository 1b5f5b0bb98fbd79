"""The library facade and the CLI give the same results on the same case folders.

Each case of tests/cases/{lint,validate,scan} is run once through ``protocol_kit.commands``
and once through ``protocol-kit ... --format json``; the JSON of the two must be equal.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from protocol_kit.commands import (LintOptions, ScanOptions, ValidateOptions, lint, plan_paths, scan,
                                   validate_stream)
from protocol_kit.config import load_config
from tests.commands.cases import CASES, EXAMPLE_PLAN, SCAN_NOT_SOURCES, folders, as_json


@pytest.mark.parametrize("case", folders("lint"), ids=lambda p: p.name)
def test_lint(case, inside, protocol_kit):
    project = inside(case)
    plan = next(project.glob("plan.*")).name
    cli = protocol_kit("lint", "--format", "json", plan)
    run = lint(plan_paths([Path(plan)], load_config()), LintOptions.configured(load_config()))
    assert as_json(run.report) == json.loads(cli.stdout)
    assert cli.code == (1 if any(v.severity == "error" for v in run.findings) else 0)


@pytest.mark.parametrize("case", folders("validate"), ids=lambda p: p.name)
def test_validate(case, inside, protocol_kit):
    project = inside(case)
    plan = str(project / "plan.yaml") if (project / "plan.yaml").exists() else str(EXAMPLE_PLAN)
    cli = protocol_kit("validate", "--plan", plan, "--format", "json", "events.jsonl")
    run = validate_stream(["events.jsonl"], ValidateOptions.configured(load_config(), plan=Path(plan)))
    assert as_json(run.data) == json.loads(cli.stdout)
    assert cli.code == (0 if run.report.ok else 1)


@pytest.mark.parametrize("case", sorted(p.parent for p in (CASES / "scan").glob("*/*/expected.json")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_scan(case, inside, protocol_kit):
    project = inside(case)
    plan = str(project / "plan.yaml") if (project / "plan.yaml").exists() else str(CASES / "scan" / "plan.yaml")
    sources = sorted(p.name for p in project.iterdir() if p.name not in SCAN_NOT_SOURCES)
    cli = protocol_kit("scan", "--plan", plan, "--format", "json", *sources)
    run = scan(sources, [Path(plan)], ScanOptions.configured(load_config()))
    assert as_json(run.report) == json.loads(cli.stdout)
    assert cli.code == (1 if any(v.severity == "error" for v in run.violations) else 0)
