"""Checking one :class:`TrackingCall` against the tracking plan."""
from __future__ import annotations

import difflib
import functools
from typing import Any, Iterable, Iterator

from protocol_kit import pointer as json_pointer
from protocol_kit.events.envelope import json_type
from protocol_kit.pii.mask import mask_value
from protocol_kit.plan import naming
from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.scan.model import ArrayValue, Choice, Entry, Literal, ObjectValue, TrackingCall, Value
from protocol_kit.scan.pii_names import NameClassifier
from protocol_kit.violation import Violation

# json type of a literal value -> plan json types it satisfies
_ACCEPTS = {"string": ("string",), "integer": ("integer", "number"), "number": ("number",),
            "boolean": ("boolean",), "null": (), "object": ("object",), "array": ("array",)}


class PlanChecker:
    """Checks tracking calls against one plan; indexes the plan once for a whole scan.

    Without a plan only what needs none is checked: event names built at run time.
    """

    def __init__(self, plan: Plan | None, *, classify_name: NameClassifier):
        self.plan = plan or Plan(name="")
        self.planned = plan is not None
        self.classify_name = functools.lru_cache(maxsize=4096)(classify_name)
        self.events = {e.name: e for e in self.plan.track_events}
        self.calls = {e.call: e for e in self.plan.events if e.call != "track"}
        self.properties = {id(e): {p.name: p for p in e.properties} for e in self.plan.events}
        self.suggest = functools.lru_cache(maxsize=4096)(_suggest)

    def check(self, call: TrackingCall) -> Iterator[Violation]:
        """Every way ``call`` departs from the plan."""
        if call.kind != "track":
            definition = self.calls.get(call.kind)
            if definition is not None:
                yield from self._check_properties(call, definition)
            return
        event = call.event
        where = event.location or call.location
        if event.dynamic:
            yield Violation.of("SC001", f"event name is built at run time ({event.dynamic}); "
                               "use one literal event name per call", event_type="track", source=where)
        if not self.planned:
            return
        conventions = self.plan.conventions
        for name in event.candidates:
            planned = self.events.get(name)
            if planned is not None:
                yield from self._check_properties(call, planned)
                continue
            yield Violation.of("EV002", f"unplanned event {name!r}{self.suggest(name, tuple(self.events))}",
                               event=name, event_type="track", actual=name, source=where)
            if not _follows(name, conventions.event_names):
                yield Violation.of("PL101", f"event name {name!r} is not {naming.describe(conventions.event_names)}",
                                   event=name, source=where)

    def _check_properties(self, call: TrackingCall, event: Event) -> Iterator[Violation]:
        bag = call.properties
        planned = self.properties[id(event)]
        additional = (self.plan.additional_properties if event.additional_properties is None
                      else event.additional_properties)
        context = {"event": event.name, "event_type": event.call}
        for location in bag.computed_keys:
            yield Violation.of("SC002", f"{_label(event)} has a property key computed at run time",
                               source=location, **context)
        for entry in bag.entries:
            pointer = f"/{event.payload_field}/{json_pointer.escape(entry.key)}"
            prop = planned.get(entry.key)
            if prop is not None:
                yield from _check_value(entry, prop, event, pointer)
                continue
            yield from self._check_unplanned(entry, event, pointer, additional=additional)
        if bag.fully_known:
            present = {e.key for e in bag.entries}
            for prop in event.properties:
                if prop.required and prop.name not in present:
                    yield Violation.of("EV003", f"{_label(event)} is missing required property {prop.name!r}",
                                       path=f"/{event.payload_field}/{json_pointer.escape(prop.name)}", expected=prop.name,
                                       source=call.location, **context)

    def _check_unplanned(self, entry: Entry, event: Event, pointer: str, *, additional: bool) -> Iterator[Violation]:
        context = {"event": event.name, "event_type": event.call, "path": pointer, "source": entry.location}
        category = self.classify_name(entry.key)
        if category:
            yield Violation.of("PII001", f"{_label(event)} property {entry.key!r} looks like personal data "
                               f"({category}) and is not in the plan", **context)
        if not additional:
            hint = self.suggest(entry.key, tuple(self.properties[id(event)]))
            yield Violation.of("EV005", f"{_label(event)} has no planned property {entry.key!r}{hint}",
                               actual=entry.key, **context)
        convention = self.plan.conventions.property_names
        if not _follows(entry.key, convention):
            yield Violation.of("PL102", f"property name {entry.key!r} is not {naming.describe(convention)}",
                               **context)


def _check_value(entry: Entry, prop: Property, event: Event, pointer: str) -> Iterator[Violation]:
    context = {"event": event.name, "event_type": event.call, "path": pointer, "source": entry.location}
    for value in _literals(entry.value):
        shown = mask_value(value, prop.pii if isinstance(prop.pii, str) else None) if prop.pii else value
        found = json_type(value)
        if value is None:
            if not prop.nullable and prop.json_type is not None:
                yield Violation.of("EV004", f"{_label(event)} property {prop.name!r}: expected "
                                   f"{prop.type}, got null", expected=prop.type, actual=None, **context)
            continue
        if prop.json_type and prop.json_type not in _ACCEPTS[found]:
            yield Violation.of("EV004", f"{_label(event)} property {prop.name!r}: expected {prop.type}, "
                               f"got {found}", expected=prop.type, actual=shown, **context)
        elif prop.enum is not None and found not in ("object", "array") and value not in prop.enum:
            allowed = ", ".join(repr(v) for v in prop.enum)
            yield Violation.of("EV006", f"{_label(event)} property {prop.name!r}: {shown!r} is not one of "
                               f"{allowed}", expected=list(prop.enum), actual=shown, **context)


def _literals(value: Value) -> Iterable[Any]:
    """The literal values a property may take, with objects and arrays as empty containers."""
    if isinstance(value, Literal):
        return (value.value,)
    if isinstance(value, Choice):
        return value.values
    if isinstance(value, ObjectValue):
        return ({},)
    if isinstance(value, ArrayValue):
        return ([],)
    return ()


def _follows(name: str, convention: str) -> bool:
    return convention not in naming.CONVENTIONS or naming.follows(name, convention)


def _label(event: Event) -> str:
    return repr(event.name) if event.call == "track" else event.call


def _suggest(name: str, candidates: tuple[str, ...]) -> str:
    """`` (did you mean 'X'?)`` for the closest candidate, ignoring case and separators."""
    by_key = {naming.normal_form(c): c for c in candidates}
    key = naming.normal_form(name)
    if key in by_key:
        return f" (did you mean {by_key[key]!r}?)"
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
    return f" (did you mean {by_key[close[0]]!r}?)" if close else ""
