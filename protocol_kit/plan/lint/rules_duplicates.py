"""PL201-PL203: events and properties that differ only in spelling, and properties whose type differs by event."""
from __future__ import annotations

from typing import Iterable, Iterator

from protocol_kit.plan.model import ANY_TYPE, Event, Plan, Property
from protocol_kit.plan.naming import normal_form
from protocol_kit.plan.walk import iter_properties
from protocol_kit.violation import Location, Violation


def duplicate_events(plan: Plan) -> Iterator[Violation]:
    first: dict[str, Event] = {}
    for event in plan.track_events:
        other = first.setdefault(normal_form(event.name), event)
        if other is not event and other.name != event.name:  # versions of one event share its name
            yield Violation.of("PL201", f"event '{event.name}' duplicates '{other.name}'{_at(other.location)}; "
                                        "they differ only in case or separators",
                               event=event.name, actual=event.name, expected=other.name, source=event.location)


def duplicate_properties(plan: Plan) -> Iterator[Violation]:
    for event in plan.events:
        yield from _duplicate_siblings(event, event.properties, f"/{event.payload_field}")


def _duplicate_siblings(event: Event, props: tuple[Property, ...], prefix: str) -> Iterator[Violation]:
    first: dict[str, Property] = {}
    for prop in props:
        other = first.setdefault(normal_form(prop.name), prop)
        if other is not prop:
            yield Violation.of("PL202", f"property '{prop.name}' duplicates '{other.name}'{_at(other.location)} "
                                        f"in event '{event.name}'; they differ only in case or separators",
                               event=event.name, event_type=event.call, path=f"{prefix}/{prop.name}",
                               actual=prop.name, expected=other.name, source=prop.location)
    for prop in props:
        yield from _duplicate_siblings(event, prop.properties, f"{prefix}/{prop.name}")
        if prop.items is not None:
            yield from _duplicate_siblings(event, prop.items.properties, f"{prefix}/{prop.name}/*")


def conflicting_types(plan: Plan) -> Iterator[Violation]:
    """The first event to use a property name sets its type; every other type for that name is reported."""
    first: dict[str, tuple[str, Event, Property]] = {}
    for event, pointer, prop in _all_properties(plan.events):
        kind = type_label(prop)
        if kind == ANY_TYPE:
            continue
        other_kind, other_event, other = first.setdefault(prop.name, (kind, event, prop))
        if other_kind != kind:
            yield Violation.of("PL203", f"property '{prop.name}' is {kind} here but {other_kind} in "
                                        f"'{other_event.name}'{_at(other.location)}",
                               event=event.name, event_type=event.call, path=pointer,
                               expected=other_kind, actual=kind, source=prop.location)


def type_label(prop: Property) -> str:
    """``string``, ``object``, ``string[]`` (an array of strings), ``array``."""
    if prop.type == "array" and prop.items is not None and prop.items.type != ANY_TYPE:
        return f"{prop.items.type}[]"
    return prop.type


def _all_properties(events: Iterable[Event]) -> Iterator[tuple[Event, str, Property]]:
    for event in events:
        for pointer, prop in iter_properties(event):
            yield event, pointer, prop


def _at(location: Location | None) -> str:
    if location is None or (location.line is None and location.row is None):
        return ""
    return f" (line {location.line})" if location.line is not None else f" (row {location.row})"


RULES = [duplicate_events, duplicate_properties, conflicting_types]
