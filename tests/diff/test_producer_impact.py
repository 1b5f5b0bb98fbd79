"""The producer axis checked against the validator itself.

For random pairs of one planned property and random payloads: when a payload
that the old plan accepts is rejected by the new one, the diff must report a
change that breaks producers; when the diff reports no change at all, both
plans must decide every payload alike.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from protocol_kit import validate
from protocol_kit.diff import diff_plans
from protocol_kit.plan.model import Event, Plan, Property

TYPES = ("string", "integer", "number", "boolean", "any", "email")
values = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(-5, 5, allow_nan=False),
                   st.sampled_from(["a", "b", "ab", "abc", "x@example.com", "A1"]))
bounds = st.one_of(st.none(), st.integers(-3, 3))
lengths = st.one_of(st.none(), st.integers(0, 3))


@st.composite
def properties(draw) -> Property:
    kind = draw(st.sampled_from(TYPES))
    return Property(
        name="p", type=kind, required=draw(st.booleans()), nullable=draw(st.booleans()),
        enum=draw(st.one_of(st.none(), st.lists(values, min_size=1, max_size=3, unique_by=repr).map(tuple))),
        pattern=draw(st.sampled_from([None, "^a", "^[a-z]+$"])) if kind == "string" else None,
        minimum=draw(bounds) if kind in ("integer", "number") else None,
        maximum=draw(bounds) if kind in ("integer", "number") else None,
        min_length=draw(lengths) if kind == "string" else None,
        max_length=draw(lengths) if kind == "string" else None)


def plan(prop: Property, open_: bool) -> Plan:
    return Plan(name="t", events=(Event(name="E", properties=(prop,), additional_properties=open_),))


@settings(max_examples=300, deadline=None)
@given(old=properties(), new=properties(), open_old=st.booleans(), open_new=st.booleans(),
       value=values, present=st.booleans())
def test_rejected_payloads_are_announced_as_producer_breaks(old, new, open_old, open_new, value, present):
    before, after = plan(old, open_old), plan(new, open_new)
    payload = {"type": "track", "event": "E", "properties": {"p": value} if present else {}}
    accepted_before = validate(payload, before, pii="off").ok
    accepted_after = validate(payload, after, pii="off").ok
    result = diff_plans(before, after)
    if accepted_before and not accepted_after:
        assert result.breaking_producers, (old, new, payload)
    if not result.changes:
        assert accepted_before == accepted_after


@settings(max_examples=100, deadline=None)
@given(old=properties(), new=properties(), value=values)
def test_unplanned_property_on_the_closed_object(old, new, value):
    """A property removed from a closed object: payloads carrying it are rejected, and the diff says so."""
    before = Plan(name="t", events=(Event(name="E", properties=(old,)),))
    after = Plan(name="t", events=(Event(name="E", properties=()),))
    payload = {"type": "track", "event": "E", "properties": {"p": value}}
    if validate(payload, before, pii="off").ok:
        assert not validate(payload, after, pii="off").ok
        assert {c.code for c in diff_plans(before, after).breaking_producers} == {"DF104"}
