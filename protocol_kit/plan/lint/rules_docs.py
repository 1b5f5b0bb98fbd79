"""PL301/PL302: events and properties without a description."""
from __future__ import annotations

from typing import Iterator

from protocol_kit.plan.model import Plan
from protocol_kit.plan.walk import iter_properties
from protocol_kit.violation import Violation


def event_descriptions(plan: Plan) -> Iterator[Violation]:
    for event in plan.events:
        if not (event.description or "").strip():
            what = f"event '{event.name}'" if event.call == "track" else f"the {event.call} call"
            yield Violation.of("PL301", f"{what} has no description", event=event.name, event_type=event.call,
                               source=event.location)


def property_descriptions(plan: Plan) -> Iterator[Violation]:
    for event in plan.events:
        for pointer, prop in iter_properties(event):
            if not (prop.description or "").strip():
                yield Violation.of("PL302", f"property '{prop.name}' of '{event.name}' has no description",
                                   event=event.name, event_type=event.call, path=pointer, source=prop.location)


RULES = [event_descriptions, property_descriptions]
