"""Checking one :class:`TrackingCall` against the tracking plan.

The codes the validator reports too (EV002-EV006) are built by :mod:`protocol_kit.messages`,
so a call reads as the event it sends would read to ``protocol-kit validate``.
"""
from __future__ import annotations

import functools
from typing import Any, Iterable, Iterator

from protocol_kit import messages, pointer as json_pointer
from protocol_kit.events.envelope import json_type
from protocol_kit.messages import Finding
from protocol_kit.pii.mask import mask_value
from protocol_kit.plan import naming
from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.scan.model import ArrayValue, Choice, Entry, Literal, ObjectValue, TrackingCall, Value
from protocol_kit.scan.pii_names import NameClassifier
from protocol_kit.violation import Violation

# json type of a literal value -> plan json types it satisfies
_ACCEPTS = {"string": ("string",), "integer": ("integer", "number"), "number": ("number",),
            "boolean": ("boolean",), "null": ("null",), "object": ("object",), "array": ("array",)}


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
        self._schemas: dict[int, dict[str, Any]] = {}  # compiled schema per planned property (by id)

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
            yield _violation(messages.unplanned_event(name, self.events), event=name, event_type="track",
                             source=where)
            if not _follows(name, conventions.event_names):
                yield Violation.of("PL101", f"event name {name!r} is not {naming.describe(conventions.event_names)}",
                                   event=name, source=where)

    def _check_properties(self, call: TrackingCall, event: Event) -> Iterator[Violation]:
        bag = call.properties
        planned = self.properties[id(event)]
        additional = (self.plan.additional_properties if event.additional_properties is None
                      else event.additional_properties)
        context = _context(event)
        for location in bag.computed_keys:
            yield Violation.of("SC002", f"{_label(event)} has a property key computed at run time",
                               source=location, **context)
        for entry in bag.entries:
            prop = planned.get(entry.key)
            if prop is not None:
                yield from _check_value(entry, prop, self._schema_of(prop), event)
                continue
            yield from self._check_unplanned(entry, event, additional=additional)
        if bag.fully_known:
            present = {e.key for e in bag.entries}
            for prop in event.properties:
                if prop.required and prop.name not in present:
                    yield _violation(messages.missing_required((event.payload_field, prop.name)),
                                     source=call.location, **context)

    def _schema_of(self, prop: Property) -> dict[str, Any]:
        schema = self._schemas.get(id(prop))
        if schema is None:  # the compiler is loaded only once a call needs a type or values checked
            from protocol_kit.compile.compiler import property_schema

            schema = self._schemas[id(prop)] = property_schema(prop, default_open=True)
        return schema

    def _check_unplanned(self, entry: Entry, event: Event, *, additional: bool) -> Iterator[Violation]:
        path = (event.payload_field, entry.key)
        context = {**_context(event), "source": entry.location}
        category = self.classify_name(entry.key)
        if category:
            yield Violation.of("PII001", f"{_label(event)} property {entry.key!r} looks like personal data "
                               f"({category}) and is not in the plan", path=json_pointer.join(path), **context)
        if not additional:
            yield _violation(messages.unplanned_property(path, self.properties[id(event)]), **context)
        convention = self.plan.conventions.property_names
        if not _follows(entry.key, convention):
            yield Violation.of("PL102", f"property name {entry.key!r} is not {naming.describe(convention)}",
                               path=json_pointer.join(path), **context)


def _check_value(entry: Entry, prop: Property, schema: dict[str, Any], event: Event) -> Iterator[Violation]:
    """What the validator says of each literal value the property may take, against the property's
    compiled ``schema`` (its ``type`` and ``enum``)."""
    path = (event.payload_field, prop.name)
    context = {**_context(event), "source": entry.location}
    expected, allowed = schema.get("type"), schema.get("enum")
    for value in _literals(entry.value):
        shown = mask_value(value, prop.pii if isinstance(prop.pii, str) else None) if prop.pii else value
        found = json_type(value)
        if isinstance(expected, (str, list)) and not _satisfies(found, expected):
            yield _violation(messages.type_mismatch(path, expected, found), **context)
        if isinstance(allowed, list) and found not in ("object", "array") and value not in allowed:
            yield _violation(messages.value_not_allowed(path, allowed, shown), **context)


def _satisfies(found: str, expected: str | list[str]) -> bool:
    return any(t in _ACCEPTS[found] for t in (expected if isinstance(expected, list) else [expected]))


def _context(event: Event) -> dict[str, Any]:
    """The event of a finding as the validator names it: a track event by name, other calls by their type."""
    return {"event": event.name if event.call == "track" else None, "event_type": event.call}


def _violation(finding: Finding, **context: Any) -> Violation:
    return Violation.of(finding.code, finding.message, path=json_pointer.join(finding.path),
                        expected=finding.expected, actual=finding.actual, **context)


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
