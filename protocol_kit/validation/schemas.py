"""The compiled plan made ready to check events: one compiled validator per planned call."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterator

import jsonschema_rs

from protocol_kit.compile import CompiledPlan, CompiledSchema
from protocol_kit.errors import PlanError
from protocol_kit.spec import CALLS
from protocol_kit.plan.versions import version_order
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


VERSION_FALLBACKS = ("oldest", "latest")


class PlanSchemas:
    """Schemas of one compiled plan by track event name and by call type.

    A versioned event has one schema per version (``versions``); a payload
    picks one with ``context.protocols.event_version``, and one that names
    no version is checked against the oldest (``version_fallback``: or the
    latest), which is also the event's entry in ``track``.

    ``fast_track`` and ``fast_calls`` map names to the compiled ``is_valid``
    of events that need nothing but schema validity: one dict lookup and one
    call decide an event. Events with deprecated fields are left out (they
    take the detailed path, which warns). Calls the plan does not define
    (``page`` without a ``page:`` section, ``alias``) are accepted as they are.
    """

    def __init__(self, plan: CompiledPlan, *, version_fallback: str = "oldest"):
        if version_fallback not in VERSION_FALLBACKS:
            raise ValueError(f"version fallback must be one of {', '.join(VERSION_FALLBACKS)}, "
                             f"not {version_fallback!r}")
        self.plan = plan
        entries = [_entry(s) for s in plan.schemas]
        track = {e.compiled.event: e for e in entries if e.compiled.call == "track" and e.compiled.version is None}
        self.versions: dict[str, dict[str, EventSchema]] = {}
        for e in entries:
            if e.compiled.call == "track" and e.compiled.version is not None:
                self.versions.setdefault(e.compiled.event, {})[e.compiled.version] = e
        for name, by_version in self.versions.items():
            ordered = sorted(by_version, key=version_order)
            track[name] = by_version[ordered[0] if version_fallback == "oldest" else ordered[-1]]
        self.track = track
        self.calls = {e.compiled.call: e for e in entries if e.compiled.call != "track"}
        self.fast_track = {name: e.validator.is_valid for name, e in self.track.items()
                           if not e.deprecated and name not in self.versions}
        for name, by_version in self.versions.items():
            self.fast_track[name] = _versioned_check(by_version, self.track[name])
        self.fast_calls: dict[str, IsValid] = {call: _always_valid for call in CALLS if call != "track"}
        for call, entry in self.calls.items():
            if entry.deprecated:
                del self.fast_calls[call]
            else:
                self.fast_calls[call] = entry.validator.is_valid
        if "identify" in self.fast_calls:
            self.fast_calls["identify"] = _unless_traits_in_context(self.fast_calls["identify"])

    def track_entry(self, name: Any, payload: Any) -> tuple[EventSchema | None, str | None]:
        """The schema that checks track event ``name`` sent as ``payload``, and the version the
        payload asked for when the plan has no such version (it is then checked against the fallback)."""
        entry = self.track.get(name)
        by_version = self.versions.get(name) if entry is not None else None
        if by_version is None:
            return entry, None
        wanted = requested_version(payload)
        if wanted is None:
            return entry, None
        chosen = by_version.get(wanted)
        return (entry, wanted) if chosen is None else (chosen, None)

    def fast_check(self, payload: dict) -> IsValid | None:
        """The compiled check deciding ``payload`` alone, or None when it needs the detailed path."""
        call = payload.get("type", "track")
        if call == "track":
            return self.fast_track.get(payload.get("event"))
        return self.fast_calls.get(call)


def requested_version(payload: Any) -> str | None:
    """``context.protocols.event_version`` of a payload, as text (``2`` and ``"2"`` are one version)."""
    context = payload.get("context") if isinstance(payload, dict) else None
    protocols = context.get("protocols") if isinstance(context, dict) else None
    version = protocols.get("event_version") if isinstance(protocols, dict) else None
    if version is None or isinstance(version, (dict, list)):
        return None
    if isinstance(version, float) and version.is_integer():
        version = int(version)
    return str(version).strip() or None


def _versioned_check(by_version: dict[str, EventSchema], fallback: EventSchema) -> IsValid:
    """The compiled check of a versioned event: the version the payload names, else the fallback.
    An unknown or deprecated version takes the detailed path, which says so."""
    checks = {version: e.validator.is_valid for version, e in by_version.items() if not e.deprecated}
    fallback_check = checks.get(fallback.compiled.version)

    def is_valid(payload: Any) -> bool:
        wanted = requested_version(payload)
        check = fallback_check if wanted is None else checks.get(wanted)
        return check is not None and check(payload)
    return is_valid


def _unless_traits_in_context(is_valid: IsValid) -> IsValid:
    """The check of identify calls, leaving those with ``context.traits`` to the detailed path: RudderStack's
    SDKs send their traits there, and its wire format reads them as the call's traits first."""
    def checked(payload: Any) -> bool:
        context = payload.get("context")
        return not (context.__class__ is dict and "traits" in context) and is_valid(payload)
    return checked


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
