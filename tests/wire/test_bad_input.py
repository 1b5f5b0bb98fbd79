"""Bodies that cannot be read: an EV001 on that record naming what is wrong, the rest read, nothing lost."""
from __future__ import annotations

import gzip
import json

import orjson

from protocol_kit import Validator, load_plan, validate
from tests.wire.conftest import CASES, PLAN

BAD = CASES / "readers" / "bad_input" / "bodies.txt"
AMPLITUDE = {"api_key": "amp-secret", "events": [
    {"user_id": "u-1", "event_properties": {"order_id": "o"}},
    {"event_type": "Products Searched", "user_id": "u-1", "event_properties": {"query": "shoes"}}]}


def test_quarantine_keeps_every_original_and_replays(tmp_path, protocol_kit):
    quarantine, valid = tmp_path / "quarantine.jsonl", tmp_path / "valid.jsonl"
    outcome = protocol_kit("validate", "--plan", str(PLAN), str(BAD), "--mode", "quarantine", "--format", "json",
                           "--quarantine-out", str(quarantine), "--valid-out", str(valid))
    summary = json.loads(outcome.stdout)["summary"]
    outcomes = summary["outcomes"]
    assert outcomes["read"] == outcomes["passed"] + outcomes["quarantined"] == 11
    assert outcomes["quarantined"] == 9 and summary["by_code"] == {"EV001": 9}
    kept = [orjson.loads(line) for line in quarantine.read_bytes().splitlines()]
    assert all({"payload", "raw", "original"} & set(record) for record in kept)
    # the Amplitude event without event_type is kept as the SDK sent it, with the body's format
    [amplitude] = [r for r in kept if r.get("format") == "amplitude"]
    assert amplitude["original"] == AMPLITUDE["events"][0] and amplitude["source"]["index"] == 0
    # the truncated body is kept as its bytes; the form bodies as they came
    assert kept[0]["raw"] == BAD.read_text("utf-8").splitlines()[0]
    assert {r["original"]["data"] for r in kept if isinstance(r.get("original"), dict) and "data" in r["original"]} \
        == {"%%%not-base64!!", "e25vdCBqc29u"}
    # what passed is the Segment-spec events: the page view and the search of the broken bodies
    passed = [orjson.loads(line) for line in valid.read_bytes().splitlines()]
    assert [(e["type"], e.get("event")) for e in passed] == [("page", None), ("track", "Products Searched")]
    replay = protocol_kit("validate", "--plan", str(PLAN), str(quarantine), "--format", "json")
    messages = [v["message"] for v in json.loads(outcome.stdout)["violations"]]
    replayed = [v["message"] for v in json.loads(replay.stdout)["violations"]]
    assert replayed[1:] == messages[1:]  # the truncated line is kept without its newline: its message says so


def test_each_bad_record_is_named_and_the_rest_is_read():
    report = Validator(load_plan(PLAN)).run([orjson.dumps(AMPLITUDE)])
    assert report.summary.events == 2 and report.summary.valid == 1
    [violation] = report.violations
    assert (violation.code, violation.message, violation.source.index) == (
        "EV001", "Amplitude event without 'event_type'", 0)


def test_api_reads_gzip_bytes_and_says_what_is_wrong():
    plan = load_plan(PLAN)
    result = validate(gzip.compress(orjson.dumps(AMPLITUDE)), plan)
    assert [v.code for v in result.violations] == ["EV001"] and len(result.events) == 2
    cut = validate(gzip.compress(orjson.dumps(AMPLITUDE))[:-12], plan)
    assert cut.violations[0].message.startswith("unreadable body: unreadable gzip data")
    truncated = validate(orjson.dumps(AMPLITUDE)[:40], plan)
    assert truncated.violations[0].message.endswith("(the body is cut short)")
    assert truncated.record.original == orjson.dumps(AMPLITUDE)[:40]


def test_a_forced_format_says_what_the_body_looks_like():
    plan = load_plan(PLAN)
    body = {"api_key": "phc", "batch": [{"event": "Products Searched", "distinct_id": "u-1"}]}
    [violation] = validate(body, plan, input_format="segment").violations
    assert violation.message == "not a Segment payload: looks like a PostHog batch, read with --input-format posthog"
    [violation] = validate({"hello": 1}, plan).violations
    assert violation.message.startswith("not a known analytics payload: expected a Segment call")
    assert "a PostHog {api_key, batch" in violation.message and "Snowplow" in violation.message


def test_credentials_stay_out_of_the_checked_events():
    plan = load_plan(PLAN)
    for body in (AMPLITUDE, {"api_key": "phc_abcdefghijklmnopqrstuvwxyz0123456789ABCD",
                             "batch": [{"event": "Products Searched", "distinct_id": "u-1",
                                        "properties": {"query": "shoes", "$lib": "posthog-python"}}]},
                 {"batch": [{"type": "track", "event": "Products Searched", "properties": {"query": "x"}}],
                  "writeKey": "sk_live_abcdefghijklmnopqrstuvwx"}):
        result = validate(body, plan)
        events = getattr(result, "events", (result,))
        assert all(not e.record.parsed or not {"api_key", "writeKey", "token"} & set(e.record.payload)
                   for e in events)
        assert not [v for v in result.violations if v.code in ("PII001", "EV005")]
