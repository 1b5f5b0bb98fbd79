"""The compiled plan made ready to check events: one compiled validator per planned call."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterator

import jsonschema_rs

from protocol_kit.compile import CompiledPlan, CompiledSchema
from protocol_kit.errors import PlanError
from protocol_kit.spec import CALLS
from protocol_kit.validation.formats import compiled_validator
from protocol_kit.violation import Location

if TYPE_CHECKING:  # python-jsonschema explains violations; it is imported when first needed
    from jsonschema import Draft202012Validator

IsValid = Callable[[Any], bool]
ANY_ITEM = "*"


def _always_valid(payload: Any) -> bool:
    return True


@dataclass(frozen=True)
class EventSchema:
    compiled: CompiledSchema
    validator: jsonschema_rs.Validator = field(repr=False)
    deprecated: tuple[tuple[str, ...], ...]  # paths of deprecated fields (() is the event itself)

    @property
    def name(self) -> str:
        return self.compiled.event or self.compiled.call

    @cached_property
    def reference(self) -> "Draft202012Validator":
        """python-jsonschema's validator of the same schema (built on first use)."""
        from protocol_kit.validation.reference import reference_validator

        return reference_validator(self.compiled.schema)


class PlanSchemas:
    """Schemas of one compiled plan by track event name and by call type.

    ``fast_track`` and ``fast_calls`` map names to the compiled ``is_valid``
    of events that need nothing but schema validity: one dict lookup and one
    call decide an event. Events with deprecated fields are left out (they
    take the detailed path, which warns). Calls the plan does not define
    (``page`` without a ``page:`` section, ``alias``) are accepted as they are.
    """

    def __init__(self, plan: CompiledPlan):
        self.plan = plan
        entries = [_entry(s) for s in plan.schemas]
        self.track = {e.compiled.event: e for e in entries if e.compiled.call == "track"}
        self.calls = {e.compiled.call: e for e in entries if e.compiled.call != "track"}
        self.fast_track = {name: e.validator.is_valid for name, e in self.track.items() if not e.deprecated}
        self.fast_calls: dict[str, IsValid] = {call: _always_valid for call in CALLS if call != "track"}
        for call, entry in self.calls.items():
            if entry.deprecated:
                del self.fast_calls[call]
            else:
                self.fast_calls[call] = entry.validator.is_valid

    def fast_check(self, payload: dict) -> IsValid | None:
        """The compiled check deciding ``payload`` alone, or None when it needs the detailed path."""
        call = payload.get("type", "track")
        if call == "track":
            return self.fast_track.get(payload.get("event"))
        return self.fast_calls.get(call)


def _entry(compiled: CompiledSchema) -> EventSchema:
    try:
        validator = compiled_validator(compiled.schema)
    except ValueError as error:  # an invalid pattern, say: the plan needs fixing (see protocol-kit lint)
        first_line = str(error).strip().splitlines()[0]
        raise PlanError(f"schema of '{compiled.event or compiled.call}' is not usable: {first_line}",
                        Location(file=compiled.file)) from None
    return EventSchema(compiled=compiled, validator=validator, deprecated=tuple(_deprecated_paths(compiled.schema, ())))


def _deprecated_paths(schema: Any, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    if not isinstance(schema, dict):
        return
    if schema.get("deprecated") is True:
        yield path
    for name, sub in (schema.get("properties") or {}).items():
        yield from _deprecated_paths(sub, (*path, name))
    if isinstance(schema.get("items"), dict):
        yield from _deprecated_paths(schema["items"], (*path, ANY_ITEM))


def present(payload: Any, path: tuple[str, ...], prefix: tuple = ()) -> Iterator[tuple]:
    """The concrete paths (array indices filled in) at which ``path`` exists in ``payload``."""
    if not path:
        yield prefix
        return
    head, rest = path[0], path[1:]
    if head == ANY_ITEM and isinstance(payload, list):
        for index, item in enumerate(payload):
            yield from present(item, rest, (*prefix, index))
    elif isinstance(payload, dict) and head in payload:
        yield from present(payload[head], rest, (*prefix, head))
