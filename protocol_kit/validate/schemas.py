"""The compiled plan made ready to check events: a fast and a reference validator per planned call."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from jsonschema import Draft202012Validator

from protocol_kit.compile import CompiledPlan, CompiledSchema
from protocol_kit.events.envelope import CALLS
from protocol_kit.validate.formats import compiled_validator
from protocol_kit.validate.reference import reference_validator

IsValid = Callable[[Any], bool]


def _always_valid(payload: Any) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class EventSchema:
    compiled: CompiledSchema
    is_valid: IsValid  # jsonschema-rs: decides valid/invalid for the whole event
    reference: Draft202012Validator  # python-jsonschema: explains why an event is invalid
    annotated: bool  # carries ``deprecated`` somewhere: always take the detailed path (EV012 warnings)


class PlanSchemas:
    """Schemas of one compiled plan by track event name and by call type.

    ``fast_track`` and ``fast_calls`` map names to the compiled ``is_valid``
    of events that need nothing but schema validity: one dict lookup and one
    call decide an event. Calls the plan does not define (``page`` without a
    ``page:`` section, ``alias``) are accepted as they are.
    """

    def __init__(self, plan: CompiledPlan):
        self.plan = plan
        entries = [_entry(s) for s in plan.schemas]
        self.track = {e.compiled.event: e for e in entries if e.compiled.call == "track"}
        self.calls = {e.compiled.call: e for e in entries if e.compiled.call != "track"}
        self.fast_track = {name: e.is_valid for name, e in self.track.items() if not e.annotated}
        self.fast_calls = {call: _always_valid for call in CALLS if call != "track"}
        self.fast_calls.update({call: e.is_valid for call, e in self.calls.items() if not e.annotated})
        for call, entry in self.calls.items():
            if entry.annotated:
                del self.fast_calls[call]

    def fast_check(self, payload: Any) -> IsValid | None:
        """The compiled check deciding ``payload`` alone, or None when it needs the detailed path."""
        call = payload.get("type", "track")
        if call == "track":
            return self.fast_track.get(payload.get("event"))
        return self.fast_calls.get(call)


def _entry(compiled: CompiledSchema) -> EventSchema:
    return EventSchema(compiled=compiled, is_valid=compiled_validator(compiled.schema).is_valid,
                       reference=reference_validator(compiled.schema), annotated=_has_deprecated(compiled.schema))


def _has_deprecated(schema: Any) -> bool:
    if isinstance(schema, dict):
        return schema.get("deprecated") is True or any(_has_deprecated(v) for v in schema.values())
    if isinstance(schema, list):
        return any(_has_deprecated(v) for v in schema)
    return False
