"""Whatever Python object reaches the library API is reported, never a crash or a hang."""
from __future__ import annotations

import pytest

from protocol_kit.events.record import EventRecord
from protocol_kit.validation import Validator, validate


def cyclic() -> dict:
    event = {"event": "Products Searched", "properties": {"query": "q"}}
    event["properties"]["self"] = event
    return event


def cyclic_list() -> dict:
    items: list = []
    items.append(items)
    return {"event": "Products Searched", "properties": {"query": "q", "items": items}}


def deep(levels: int) -> dict:
    value: list = []
    for _ in range(levels):
        value = [value]
    return {"event": "Products Searched", "properties": {"query": "q", "deep": value}}


BAD = {
    "contains itself": (cyclic(), "the event contains itself at '/properties/self'"),
    "list contains itself": (cyclic_list(), "the event contains itself at '/properties/items/0'"),
    "non-string key": ({"event": "Products Searched", "properties": {1: "x"}},
                       "object key int at '/properties' is not a string"),
    "bytes": ({"event": "Products Searched", "properties": {"query": b"q"}},
              "value at '/properties/query' is of type bytes, not a JSON value"),
    "set": ({"event": "Products Searched", "properties": {"query": {"q"}}},
            "value at '/properties/query' is of type set, not a JSON value"),
    "object": ({"event": "Products Searched", "properties": {"query": object()}},
               "value at '/properties/query' is of type object, not a JSON value"),
    "too deep": (deep(5000), "event is nested more than 128 levels deep"),
}


@pytest.mark.parametrize("name", BAD)
@pytest.mark.parametrize("pii", ["flag", "off"])
def test_validate_reports_what_is_not_json(example_plan, name, pii):
    event, message = BAD[name]
    result = validate(event, example_plan, pii=pii)
    assert [(v.code, v.message) for v in result.violations] == [("EV001", message)]


@pytest.mark.parametrize("name", BAD)
def test_validator_run_reports_and_counts_it(example_plan, name):
    event, message = BAD[name]
    good = {"event": "Products Searched", "properties": {"query": "q"}}
    report = Validator(example_plan).run([good, event, EventRecord(event), good])
    assert report.outcomes.read == 4 and report.outcomes.passed == 2 and report.outcomes.balanced
    assert [v.message for v in report.violations] == [message, message]


def test_top_level_bytes_are_bodies_and_sets_are_not_json(example_plan):
    """Bytes are a raw body an SDK sent (read through the wire formats); a set is no JSON value."""
    report = Validator(example_plan).run([b'{"type": "track", "event": "x"}', {1, 2}, None])
    assert [v.message for v in report.violations] == [
        "unplanned event 'x'", "value at '/' is of type set, not a JSON value",
        "event is not a JSON object (got null)"]


def test_an_event_at_the_depth_limit_survives_quarantine_and_replay(example_plan, tmp_path):
    from protocol_kit.events import read_chunks

    nested = b"[" * 125 + b"]" * 125  # with the event, its properties and "deep": 128 levels, the limit
    line = b'{"event":"Products Searched","properties":{"query":1,"deep":{"x":' + nested + b"}}}\n"
    (tmp_path / "e.jsonl").write_bytes(line)
    with open(tmp_path / "q.jsonl", "wb") as out:
        first = Validator(example_plan, mode="quarantine").run(read_chunks([tmp_path / "e.jsonl"]), quarantine_out=out)
    assert first.outcomes.quarantined == 1 and "EV001" not in {v.code for v in first.violations}
    with open(tmp_path / "q2.jsonl", "wb") as out:
        again = Validator(example_plan, mode="quarantine").run(read_chunks([tmp_path / "q.jsonl"]), quarantine_out=out)
    assert [v.code for v in again.violations] == [v.code for v in first.violations]
