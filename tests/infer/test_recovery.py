"""Property test: for a random plan, events generated to conform to it give back the plan.

Types, required-ness, nullability, enums and formats are recovered where the data carries
enough evidence: every event is seen 200 times or more, optional properties are
present about half of the time, enum values are drawn uniformly (each is seen
far more often than the five times an enum needs), free strings are random
enough to be neither an enum nor personal data.
"""
from __future__ import annotations

import random
import string
import uuid
from dataclasses import replace

from hypothesis import HealthCheck, given, settings, strategies as st

from protocol_kit.infer import infer_plan
from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.validation import Validator

KINDS = ("string", "integer", "number", "boolean", "datetime", "uuid", "date", "enum", "string[]", "object")
WORDS = ("alpha", "bravo", "delta", "gamma", "kappa", "omega", "sigma", "theta", "tango", "zulu")
EVENTS_EACH = 200

names = st.lists(st.sampled_from(WORDS), min_size=2, max_size=2, unique=True).map("_".join)
properties = st.dictionaries(names, st.tuples(st.sampled_from(KINDS), st.booleans(), st.booleans()),
                             min_size=1, max_size=6)
plans = st.dictionaries(st.sampled_from([f"{w.title()} Viewed" for w in WORDS]), properties, min_size=1, max_size=3)


def to_plan(spec: dict) -> Plan:
    events = []
    for name, props in spec.items():
        events.append(Event(name=name, properties=tuple(
            replace(_property(p, kind, required), nullable=nullable and kind not in ("object", "string[]"))
            for p, (kind, required, nullable) in props.items())))
    return Plan(name="random", events=tuple(events))


def _property(name: str, kind: str, required: bool) -> Property:
    if kind == "enum":
        return Property(name=name, type="string", required=required, enum=("red", "green", "blue"))
    if kind == "string[]":
        return Property(name=name, type="array", required=required, items=Property(name="items", type="string"))
    if kind == "object":
        return Property(name=name, type="object", required=required,
                        properties=(Property(name="level", type="integer", required=True),))
    return Property(name=name, type=kind, required=required)


def _value(prop: Property, rng: random.Random):
    if prop.nullable and rng.random() < 0.3:
        return None
    if prop.enum:
        return rng.choice(prop.enum)
    if prop.type == "array":
        return ["".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(rng.randint(0, 3))]
    if prop.type == "object":
        return {"level": rng.randint(0, 9)}
    return {
        "string": lambda: "".join(rng.choices(string.ascii_lowercase, k=9)),
        "integer": lambda: rng.randint(-1000, 1000),
        "number": lambda: rng.uniform(-1000, 1000),
        "boolean": lambda: rng.random() < 0.5,
        "datetime": lambda: f"2026-11-{rng.randint(10, 28)}T{rng.randint(10, 23)}:{rng.randint(10, 59)}:00Z",
        "date": lambda: f"2026-{rng.randint(10, 12)}-{rng.randint(10, 28)}",
        "uuid": lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    }[prop.type]()


def events_of(plan: Plan, rng: random.Random) -> list[dict]:
    events = []
    for event in plan.events:
        for _ in range(EVENTS_EACH):
            payload = {p.name: _value(p, rng) for p in event.properties if p.required or rng.random() < 0.5}
            events.append({"type": "track", "event": event.name, "properties": payload})
    rng.shuffle(events)
    return events


def shape(prop: Property) -> tuple:
    items = prop.items.type if prop.items is not None else None
    children = tuple(shape(p) for p in prop.properties)
    return (prop.name, prop.type, prop.required, prop.nullable, frozenset(prop.enum or ()), prop.implied_format,
            items, children)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans, st.integers(0, 2**32))
def test_inferred_plan_recovers_the_original(spec, seed):
    original = to_plan(spec)
    events = events_of(original, random.Random(seed))
    assert Validator(original, pii="off").run(events).outcomes.reported == 0  # the events conform
    inferred = infer_plan(events).plan
    assert {e.name for e in inferred.events} == {e.name for e in original.events}
    for event in original.events:
        got = inferred.event(event.name)
        assert {shape(p) for p in got.properties} == {shape(p) for p in event.properties}
        assert all(p.examples or p.type in ("boolean", "object", "array") for p in got.properties if not p.enum)
