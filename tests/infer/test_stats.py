"""The streaming statistics: bounded memory, formats as the validator checks them, timestamps, merging."""
from __future__ import annotations

import pytest

from protocol_kit.infer import InferOptions, infer_plan, write_draft
from protocol_kit.infer.formats import FORMAT_TYPES, string_format
from protocol_kit.infer.stats import FIRST_SAMPLES, MAX_KEYS, MAX_SAMPLES, PathStats
from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.validation import validate


@pytest.mark.parametrize("text, expected", [
    ("2026-11-20T10:00:00Z", "date-time"), ("2026-11-20T10:00:00.123+02:00", "date-time"),
    ("2026-11-20 10:00", None), ("2026-13-40", None), ("2026-11-20", "date"),
    ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "uuid"), ("3f2504e0-4f89-11d3-9a0c-0305e82c330z", None),
    ("ada@example.com", "email"), ("not an @ email", None), ("https://example.org/a?b=1", "uri"),
    ("mailto:ada@example.com", "uri"), ("example.org/a", None), ("10.0.0.1", "ipv4"), ("10.0.0.256", None),
    ("fe80::1", "ipv6"), ("::1", "ipv6"), ("deadbeef", None), ("1.2.3", None), ("", None),
])
def test_a_format_is_one_the_validator_accepts(text, expected):
    assert string_format(text) == expected
    if expected is not None:  # the format inferred is the format validation checks
        kind = FORMAT_TYPES[expected]
        prop = Property(name="v", type=kind or "string", format=None if kind else expected)
        plan = Plan(name="p", events=(Event(name="E", properties=(prop,)),))
        assert validate({"event": "E", "properties": {"v": text}}, plan, pii="off").violations == ()


def test_value_counters_are_capped_and_samples_bounded():
    node = PathStats(value_cap=11)
    for number in range(100_000):
        node.observe(f"value-{number}")
    assert node.values is None  # dropped once over the cap
    assert len(node.samples) <= MAX_SAMPLES and node.samples[:FIRST_SAMPLES] == [f"value-{n}" for n in range(FIRST_SAMPLES)]
    assert node.string_formats() == {None: 100_000}


def test_an_object_with_too_many_keys_stays_open_and_is_reported(tmp_path):
    events = [{"event": "Scores Sent", "properties": {"scores": {f"user-{n}": n for n in range(i, i + 50)}}}
              for i in range(0, 1000, 50)]
    result = infer_plan(events)
    scores = result.plan.event("Scores Sent").properties[0]
    assert scores.type == "object" and scores.additional_properties is True and len(scores.properties) == MAX_KEYS
    _, findings = write_draft(result, tmp_path / "draft.yaml")
    assert [f.path for f in findings if f.code == "IN007"] == ["/properties/scores"]


def test_first_and_last_seen_compare_moments_not_text():
    events = [{"event": "A B", "timestamp": "2026-11-20T23:30:00-02:00"},  # 2026-11-21T01:30Z
              {"event": "A B", "originalTimestamp": "2026-11-21T00:30:00Z"},
              {"event": "A B", "sentAt": "2026-11-21T00:45:00+00:00"}]
    evidence = infer_plan(events).events[0]
    assert (evidence.first, evidence.last) == ("2026-11-21T00:30:00Z", "2026-11-21T01:30:00.000Z")


def test_libraries_and_versions_are_counted_per_event():
    events = [{"event": "A B", "context": {"library": {"name": lib}, "protocols": {"event_version": version}}}
              for lib, version in (("analytics.js", 1), ("analytics.js", 2), ("analytics-ios", 2))]
    evidence = infer_plan(events).events[0]
    assert evidence.libraries == {"analytics.js": 2, "analytics-ios": 1} and evidence.versions == {"2": 2, "1": 1}


def test_ids_and_personal_data_never_become_enums():
    events = [{"event": "A B", "properties": {"store_id": f"s{n % 3}", "country_code": "FR", "email": "a@b.co",
                                                "size": ["s", "m"][n % 2]}} for n in range(40)]
    props = {p.name: p for p in infer_plan(events).plan.event("A B").properties}
    assert props["store_id"].enum is None and props["email"].enum is None and props["email"].pii == "email"
    assert props["size"].enum == ("m", "s")


def test_merge_never_changes_a_versioned_event():
    planned = Event(name="A B", version="2", properties=(Property(name="x", type="integer"),))
    plan = Plan(name="p", events=(planned,))
    events = [{"event": "A B", "properties": {"x": 1, "y": "new"}} for _ in range(3)]
    result = infer_plan(events, InferOptions(merge_into=plan))
    assert result.plan.events == (planned,)
    assert [(f.code, f.path) for f in result.notes] == [("IN102", "/properties/y")]
    assert "plan a new version" in result.notes[0].message


def test_merge_reuses_a_planned_definition_of_the_same_name():
    order_id = Property(name="order_id", type="string", pattern="^o-", description="The order.")
    plan = Plan(name="p", events=(Event(name="Order Placed", properties=(order_id,)),))
    result = infer_plan([{"event": "Order Paid", "properties": {"order_id": "o-1"}}] * 3,
                        InferOptions(merge_into=plan))
    added = result.plan.event("Order Paid").properties[0]
    assert (added.pattern, added.description, added.required) == ("^o-", "The order.", True)


def test_merge_reports_only_on_what_it_adds(tmp_path):
    planned = Event(name="Order Paid", properties=(Property(name="total", type="number", required=True),))
    plan = Plan(name="p", conventions=Plan(name="x").conventions, events=(planned,))
    events = [{"event": "Order Paid", "properties": {"total": "12" if n == 0 else n, "Coupon": "X"}}
              for n in range(60)]
    result = infer_plan(events, InferOptions(merge_into=plan))
    _, findings = write_draft(result, tmp_path / "merged.yaml")
    assert sorted((f.code, f.path) for f in findings) == [
        ("IN102", "/properties/Coupon"), ("PL102", "/properties/Coupon")]  # no IN001 on the planned total


def test_payload_fields_that_are_not_objects_are_reported(tmp_path):
    events = [{"event": "A B", "properties": {"x": 1}}] * 5 + [
        {"event": "A B", "properties": None}, {"event": "A B", "properties": [1]}, {"event": "A B"}]
    _, findings = write_draft(infer_plan(events), tmp_path / "draft.yaml")
    assert [(f.code, f.path, f.actual) for f in findings] == [
        ("IN001", "/properties", {"object": 5, "null": 1, "array": 1})]
    assert "the events where it is not an object (2) fail validation" in findings[0].message


def test_deep_nesting_is_followed_32_levels_and_reported(tmp_path):
    deep: object = 1
    for _ in range(600):  # deeper than Python's recursion limit: not walked, yet nothing fails
        deep = {"a": deep}
    result = infer_plan([{"event": "A B", "properties": {"deep": deep}}] * 2)
    _, findings = write_draft(result, tmp_path / "draft.yaml")
    assert [f.code for f in findings] == ["IN009"] and findings[0].path.count("/a") == 31
