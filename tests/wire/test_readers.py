"""Case folders tests/cases/wire/readers/<case>/: request bodies, one per line, and what they are read as.

``records.json`` is every record the wire formats read from each line (its
format, the Segment-spec event or the reason there is none, whether the
SDK's original is kept), ``violations.json`` what validating the file against
tests/cases/wire/plan.yaml reports. Adding a case needs no code;
UPDATE_CASES=1 rewrites both files from the current output (read the diff).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from protocol_kit import Validator, load_plan
from protocol_kit.compile import compile_plan
from protocol_kit.events import read_chunks
from protocol_kit.events.reader import parse_line
from protocol_kit.events.wire import WireReader
from protocol_kit.violation import Location
from tests.wire.conftest import CASES, PLAN

READERS = CASES / "readers"
CASE_FOLDERS = sorted(p for p in READERS.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN)


def records(case: Path, plan) -> list[dict]:
    reader = WireReader(planned_events=[s.event for s in compile_plan(plan).schemas if s.call == "track"])
    found = []
    for number, line in enumerate((case / "bodies.txt").read_bytes().splitlines(keepends=True), 1):
        for record in reader.records(parse_line(line, Location(file="bodies.txt", line=number))):
            found.append({"line": record.source.line, "index": record.source.index,
                          "format": reader.format_of(record), "event": record.payload if record.parsed else None,
                          "error": record.error, "original_kept": getattr(record, "original", None) is not None})
    return found


def violations(case: Path, plan) -> list[dict]:
    report = Validator(plan).run(read_chunks([case / "bodies.txt"]))
    return [{"location": str(v.source).rsplit("/", 1)[-1], "code": v.code, "path": v.path, "message": v.message}
            for v in report.violations]


def check(expected_file: Path, actual: list[dict]) -> None:
    if os.environ.get("UPDATE_CASES"):
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert actual == json.loads(expected_file.read_text("utf-8"))


@pytest.mark.parametrize("case", CASE_FOLDERS, ids=lambda p: p.name)
def test_records(case, plan):
    check(case / "records.json", records(case, plan))


@pytest.mark.parametrize("case", CASE_FOLDERS, ids=lambda p: p.name)
def test_violations(case, plan):
    check(case / "violations.json", violations(case, plan))
