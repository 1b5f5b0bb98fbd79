"""Every real plan under tests/cases/vendor imports with the format, counts and findings recorded in cases.yaml.

The imported plan, written as YAML, is a golden file (expected/<case>.yaml) together with its findings; it
loads back as the same plan, compiles, and lints.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from protocol_kit.compile import compile_plan
from protocol_kit.errors import PlanError
from protocol_kit.plan.export.yaml_writer import dump_yaml
from protocol_kit.plan.lint import lint_plan
from protocol_kit.plan.yaml_loader import read_yaml_plan
from protocol_kit.plan.builder import build_plan
from vendor_support import CASES, EXPECTED, case_id, check_golden, import_case


@pytest.fixture(scope="module", params=CASES, ids=case_id)
def imported(request):
    return request.param, import_case(request.param)


def test_format_name_and_counts(imported):
    case, result = imported
    assert result.format == case["format"]
    assert result.plan.name == case["plan"]
    assert (result.counts["events"], result.counts["properties"]) == (case["events"], case["properties"])


def test_findings_by_code(imported):
    case, result = imported
    assert dict(sorted(Counter(v.code for v in result.findings).items())) == (case.get("findings") or {})


def test_golden_plan_and_findings(imported):
    case, result = imported
    findings = "".join(f"# {v.code} {v.event or '-'} {v.path or '-'}: {v.message}\n" for v in result.findings)
    check_golden(EXPECTED / f"{case['case']}.yaml", findings + dump_yaml(result.plan))


def test_written_plan_loads_back_as_the_same_plan(imported):
    """The same plan, but for the order of events: the YAML format writes the calls before the track events."""
    _, result = imported
    again = build_plan(read_yaml_plan(dump_yaml(result.plan), "imported.yaml"))
    assert again.findings == ()  # no unknown or duplicate keys in what import writes
    assert replace(again, events=_by_name(again)) == replace(result.plan, events=_by_name(result.plan))


def _by_name(plan):
    return tuple(sorted(plan.events, key=lambda e: (e.call, e.name)))


def test_imported_plan_lints_and_compiles(imported):
    """Compile refuses only events that lint reports as duplicates (Typewriter's E2E plan has two on purpose)."""
    _, result = imported
    findings = lint_plan(result.plan)
    assert all(v.code.startswith(("PL", "PII")) for v in findings)
    try:
        compiled = compile_plan(result.plan)
    except PlanError as error:
        assert "would both compile to" in str(error)
        assert any(v.code == "PL201" for v in findings)
    else:
        assert len(compiled.schemas) == len(result.plan.events)
