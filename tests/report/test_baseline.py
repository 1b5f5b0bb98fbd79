"""Baselines, driven by case folders: tests/cases/report/baseline/<case>/{violations.jsonl, baseline.json, expected.json}.

``expected.json`` lists the signatures [event, kind, path, code] that are new,
still present and fixed when the run in ``violations.jsonl`` is compared with
``baseline.json``.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from protocol_kit.errors import InputError
from protocol_kit.report import baseline, from_violations
from protocol_kit.report.load import violation

CASES = Path(__file__).resolve().parents[1] / "cases" / "report" / "baseline"


def run_of(case: Path):
    lines = (case / "violations.jsonl").read_text("utf-8").splitlines()
    return from_violations("validate", [violation(json.loads(line)) for line in lines])


@pytest.mark.parametrize("case", sorted(CASES.iterdir()), ids=lambda p: p.name)
def test_run_against_baseline(case):
    compared = baseline.compare(run_of(case), baseline.load(case / "baseline.json")).comparison
    expected = json.loads((case / "expected.json").read_text("utf-8"))
    assert sorted(map(list, compared.new)) == sorted(expected["new"])
    assert sorted(map(list, compared.present)) == sorted(expected["present"])
    assert [[e[f] for f in baseline.FIELDS] for e in compared.fixed] == expected["fixed"]


@pytest.mark.parametrize("case", sorted(CASES.iterdir()), ids=lambda p: p.name)
def test_a_run_compared_with_its_own_baseline_has_nothing_new_or_fixed(case, tmp_path):
    run = run_of(case)
    baseline.write(run, tmp_path / "baseline.json")
    compared = baseline.compare(run, baseline.load(tmp_path / "baseline.json")).comparison
    assert not compared.new and not compared.fixed
    assert compared.present == {row.signature for row in run.digest}


def test_baseline_file_is_sorted_and_deterministic():
    run = run_of(CASES / "new_present_and_fixed")
    text = baseline.dumps(run)
    assert text == baseline.dumps(run)
    signatures = json.loads(text)["signatures"]
    assert signatures == sorted(signatures, key=lambda e: [e[f] for f in baseline.FIELDS])
    assert signatures[0] == {"code": "EV006", "count": 1, "event": "Order Completed", "kind": "invalid_value",
                             "path": "/properties/currency"}


@pytest.mark.parametrize("content", ["not json", "{}", '[{"event": 1}]', '{"signatures": [{"event": "x"}]}',
                                     '{"version": 3, "signatures": []}', '{"signatures": [{"event": "e", "kind": "k", '
                                     '"path": "", "code": "EV004", "count": -1}]}'])
def test_an_unreadable_baseline_is_an_input_error(content, tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(content)
    with pytest.raises(InputError, match="baseline"):
        baseline.load(path)
