"""Patterns run in linear time on event data, with one dialect for checking and explaining."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PLAN = """plan: shop
events:
  Product Viewed:
    description: A customer viewed a product.
    properties:
      sku: {type: string, pattern: "^(a+)+$", description: Stock keeping unit.}
      title: {type: string, pattern: "^\\\\p{L}+$", description: Letters in any script.}
      extra: {type: object, description: Anything.}
"""


def validate(tmp_path: Path, event: dict) -> subprocess.CompletedProcess:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "e.jsonl").write_text(json.dumps(event) + "\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "--plan", "plan.yaml", "e.jsonl",
                           "--format", "json"], cwd=tmp_path, capture_output=True, timeout=300)


def nested(levels: int):
    value: list = []
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(("levels", "codes"), [(300, ["EV001"]), (100, ["EV007"])])
def test_nested_quantifier_against_a_near_miss_is_explained_without_backtracking(tmp_path, levels, codes):
    # before: a value deeper than 255 levels sent the event to python-jsonschema, whose backtracking
    # `re` took 9.4 s for 28 characters (x4 per two more): 60 characters would run for millennia
    event = {"event": "Product Viewed", "properties": {"sku": "a" * 60 + "!", "extra": {"deep": nested(levels)}}}
    done = validate(tmp_path, event)
    assert done.returncode == 1, done.stderr
    assert [v["code"] for v in json.loads(done.stdout)["violations"]] == codes


def test_pattern_outside_pythons_re_dialect_is_checked_not_a_crash(tmp_path):
    event = {"event": "Product Viewed", "properties": {"title": "Zoë", "extra": {"deep": nested(100)}}}
    assert validate(tmp_path, event).returncode == 0
    event["properties"]["title"] = "R2-D2"
    done = validate(tmp_path, event)
    assert done.returncode == 1, done.stderr
    assert [v["code"] for v in json.loads(done.stdout)["violations"]] == ["EV007"]


def test_pattern_properties_are_matched_by_the_validators_engine():
    from protocol_kit.validation.rules import SchemaError, findings_for

    error = SchemaError(keyword="additionalProperties", path=("properties",),
                        instance={"a" * 40 + "!": 1, "x_1": 2},
                        schema={"properties": {}, "patternProperties": {"^(a+)+$": {}, "^x_\\d$": {}}})
    assert [f.code for f in findings_for(error)] == ["EV005"]
