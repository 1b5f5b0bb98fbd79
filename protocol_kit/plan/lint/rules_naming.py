"""PL101/PL102: event and property names follow the plan's conventions."""
from __future__ import annotations

from typing import Iterator

from protocol_kit.plan import naming
from protocol_kit.plan.model import Plan
from protocol_kit.plan.walk import iter_properties
from protocol_kit.violation import Violation


def event_names(plan: Plan) -> Iterator[Violation]:
    convention = plan.conventions.event_names
    for event in plan.track_events:
        if not naming.follows(event.name, convention):
            yield Violation.of("PL101", _message("event", event.name, convention),
                               event=event.name, expected=naming.describe(convention), actual=event.name,
                               source=event.location)


def property_names(plan: Plan) -> Iterator[Violation]:
    convention = plan.conventions.property_names
    for event in plan.events:
        for pointer, prop in iter_properties(event):
            if not naming.follows(prop.name, convention):
                yield Violation.of("PL102", _message("property", prop.name, convention),
                                   event=event.name, event_type=event.call, path=pointer,
                                   expected=naming.describe(convention), actual=prop.name, source=prop.location)


def _message(what: str, name: str, convention: str) -> str:
    suggestion = naming.suggest(name, convention)
    hint = f" (rename to '{suggestion}')" if suggestion else ""
    return f"{what} name '{name}' is not {naming.describe(convention)}{hint}"


RULES = [event_names, property_names]
