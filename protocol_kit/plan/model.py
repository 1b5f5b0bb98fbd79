"""The tracking plan as immutable records. No I/O here: loaders build these."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from protocol_kit.plan.versions import version_order  # noqa: F401 (the plan model's sort key of versions)
from protocol_kit.spec import PAYLOAD_FIELD
from protocol_kit.violation import Location, Violation

# Plan types and the JSON Schema they stand for: (json type, format).
SCALAR_TYPES: dict[str, tuple[str, str | None]] = {
    "string": ("string", None),
    "integer": ("integer", None),
    "number": ("number", None),
    "boolean": ("boolean", None),
    "datetime": ("string", "date-time"),
    "date": ("string", "date"),
    "email": ("string", "email"),
    "uri": ("string", "uri"),
    "uuid": ("string", "uuid"),
}
CONTAINER_TYPES = ("object", "array")
ANY_TYPE = "any"
PLAN_TYPES = (*SCALAR_TYPES, *CONTAINER_TYPES, ANY_TYPE)

CALL_TYPES = ("track", "identify", "page", "screen", "group")


def raw_schema_text(keywords: dict[str, Any] | None) -> str | None:
    """The canonical JSON text of raw JSON Schema keywords: equal keywords, equal text."""
    return json.dumps(keywords, sort_keys=True, ensure_ascii=False, separators=(",", ":")) if keywords else None


def raw_schema(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


@dataclass(frozen=True, slots=True)
class Property:
    """One planned field. ``items`` describes array elements; ``properties`` nested object fields."""

    name: str
    type: str = ANY_TYPE
    required: bool = False
    nullable: bool = False
    description: str | None = None
    enum: tuple[Any, ...] | None = None
    pattern: str | None = None
    format: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    items: "Property | None" = None
    properties: tuple["Property", ...] = ()
    additional_properties: bool | None = None  # None: the plan's default
    pii: str | bool | None = None  # a category, False when declared not personal, None when undeclared
    examples: tuple[Any, ...] = ()
    deprecated: bool = False
    json_schema: str | None = None  # raw JSON Schema keywords (canonical JSON text) added to the compiled schema
    location: Location | None = field(default=None, compare=False)

    @property
    def json_type(self) -> str | None:
        if self.type in SCALAR_TYPES:
            return SCALAR_TYPES[self.type][0]
        return None if self.type == ANY_TYPE else self.type

    @property
    def implied_format(self) -> str | None:
        return self.format or SCALAR_TYPES.get(self.type, (None, None))[1]


@dataclass(frozen=True, slots=True)
class Event:
    """A planned call: a track event by name, or the identify/page/screen/group call of the plan."""

    name: str
    call: str = "track"
    description: str | None = None
    owner: str | None = None
    status: str = "active"
    properties: tuple[Property, ...] = ()
    additional_properties: bool | None = None  # None: the plan's default
    version: str | None = None  # set on each version of an event planned with ``versions:``
    labels: tuple[tuple[str, str], ...] = ()  # free key/value labels, sorted by key
    json_schema: str | None = None  # raw JSON Schema keywords added to the compiled properties (traits) object
    location: Location | None = field(default=None, compare=False)

    @property
    def payload_field(self) -> str:
        return PAYLOAD_FIELD[self.call]

    @property
    def deprecated(self) -> bool:
        return self.status == "deprecated"


@dataclass(frozen=True, slots=True)
class Conventions:
    event_names: str = "object_action_title"
    property_names: str = "snake_case"


@dataclass(frozen=True, slots=True)
class Plan:
    """A whole tracking plan.

    ``events`` holds track events and the plan's identify/page/screen/group
    calls (told apart by ``Event.call``). ``common`` holds envelope fields
    (``context``, ``properties``...) checked on every call. ``findings`` are
    problems met while loading (duplicate or unknown keys) for lint to report.
    """

    name: str
    version: str | None = None
    description: str | None = None
    conventions: Conventions = Conventions()
    additional_properties: bool = False
    common: tuple[Property, ...] = ()
    events: tuple[Event, ...] = ()
    source: str | None = field(default=None, compare=False)
    findings: tuple[Violation, ...] = field(default=(), compare=False)
    key_locations: Mapping[str, Location] = field(default_factory=dict, compare=False)  # top-level keys

    @property
    def track_events(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.call == "track")

    def event(self, name: str, call: str = "track") -> Event | None:
        return next((e for e in self.events if e.call == call and e.name == name), None)

    def versions(self, name: str) -> tuple[Event, ...]:
        """The versions of track event ``name``, oldest first (empty when it is not versioned)."""
        return tuple(e for e in self.events if e.call == "track" and e.name == name and e.version is not None)

    def call(self, call: str) -> Event | None:
        """The plan's identify/page/screen/group definition, if any."""
        return next((e for e in self.events if e.call == call), None) if call != "track" else None


