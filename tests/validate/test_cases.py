"""Case folders: tests/cases/validate/<case>/events.jsonl (+ plan.yaml) and expected.json.

Adding a case needs no code. Set UPDATE_CASES=1 to write expected.json from
the current output (then read the diff before committing it).
"""
import json
import os
from pathlib import Path

import pytest

from protocol_kit.events import read_chunks
from protocol_kit.validation import Validator, load_plan
from tests.validate.conftest import EXAMPLE_PLAN

CASES = Path(__file__).resolve().parent.parent / "cases" / "validate"


def found(case: Path) -> list[dict]:
    plan = case / "plan.yaml" if (case / "plan.yaml").exists() else EXAMPLE_PLAN
    report = Validator(load_plan(plan)).run(read_chunks([case / "events.jsonl"]))
    return [{"line": v.source.line, "code": v.code, "event": v.event, "path": v.path, "message": v.message}
            for v in report.violations]


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_case(case: Path):
    expected_file = case / "expected.json"
    actual = found(case)
    if os.environ.get("UPDATE_CASES"):
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert actual == json.loads(expected_file.read_text("utf-8"))
