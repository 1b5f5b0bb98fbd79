"""Streaming statistics of an event stream: per event and call type, and per property path.

Memory is bounded by the number of distinct paths, not by the number of
events: every counter of values is capped (it is dropped once it holds more
distinct values than an enum may have), samples and examples have fixed
sizes, and an object with more than ``MAX_KEYS`` distinct keys (a map keyed
by ids) stops growing new paths and counts the extra keys instead. Nesting
is followed ``MAX_DEPTH`` levels deep (the walk recurses, and no plan goes deeper).
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from protocol_kit.infer.formats import string_format
from protocol_kit.plan.model import PAYLOAD_FIELD
from protocol_kit.violation import Location

MAX_KEYS = 500        # distinct keys tracked per object path
MAX_DEPTH = 32        # nesting followed (objects and arrays); deeper values are counted, not walked
FIRST_SAMPLES = 16    # first distinct strings kept per path (for the personal data detector)
MAX_SAMPLES = 40      # with one more at every power-of-two count of strings
MAX_EXAMPLES = 5
MAX_NAMES = 50        # distinct library names and event versions counted per event
TIMESTAMP_FIELDS = ("timestamp", "originalTimestamp", "sentAt")


class PathStats:
    """What was seen at one property path: ``seen`` is how many times its key was present."""

    __slots__ = ("seen", "types", "values", "formats", "low", "high", "samples", "examples",
                 "children", "items", "extra_keys", "value_cap", "depth", "too_deep")

    def __init__(self, value_cap: int, depth: int = 0):
        self.seen = 0
        self.types: dict[type, int] = {}
        self.values: dict[str, int] | None = {}   # capped counter of strings; None once over the cap
        self.formats: dict[str | None, int] = {}  # strings per format, counted once the counter is dropped
        self.low: int | float | None = None
        self.high: int | float | None = None
        self.samples: list[str] = []
        self.examples: list[Any] = []             # first distinct non-string scalars
        self.children: dict[str, PathStats] = {}
        self.items: PathStats | None = None
        self.extra_keys = 0
        self.value_cap = value_cap
        self.depth = depth
        self.too_deep = 0  # objects and arrays not followed: nested deeper than MAX_DEPTH

    def count(self, kind: type) -> int:
        return self.types.get(kind, 0)

    def string_formats(self) -> dict[str | None, int]:
        """Strings per format (None: no format), over every string seen."""
        counts = dict(self.formats)
        for text, n in (self.values or {}).items():
            name = string_format(text)
            counts[name] = counts.get(name, 0) + n
        return counts

    def observe(self, value: Any) -> None:
        kind = type(value)
        types = self.types
        seen = types[kind] = types.get(kind, 0) + 1
        if kind is str:
            self._string(value, seen)
        elif kind is dict:
            self._object(value)
        else:
            self._other(value, kind)

    def _other(self, value: Any, kind: type) -> None:
        if kind is list:
            items = self.items
            if items is None:
                items = self.items = PathStats(self.value_cap, self.depth + 1)
            if items.depth > MAX_DEPTH:
                self.too_deep += 1
                return
            for element in value:
                items.seen += 1
                items.observe(element)
            return
        if kind is int or kind is float:
            if self.low is None or value < self.low:
                self.low = value
            if self.high is None or value > self.high:
                self.high = value
        elif kind is not bool:
            return
        if len(self.examples) < MAX_EXAMPLES and value not in self.examples:
            self.examples.append(value)

    def _string(self, text: str, seen: int) -> None:
        values = self.values
        if values is not None:
            n = values.get(text)
            if n is not None:
                values[text] = n + 1
                return
            if len(values) < self.value_cap:
                values[text] = 1
                if len(self.samples) < FIRST_SAMPLES:
                    self.samples.append(text)
                return
            self.formats = self.string_formats()  # the counter is dropped: count formats from here on
            self.values = None
        name = string_format(text)
        self.formats[name] = self.formats.get(name, 0) + 1
        samples = self.samples
        if len(samples) < FIRST_SAMPLES or (seen & (seen - 1) == 0 and len(samples) < MAX_SAMPLES):
            samples.append(text)

    def _object(self, mapping: dict) -> None:
        """Each key's value, with the commonest case (a string already counted) handled in the loop."""
        if self.depth >= MAX_DEPTH:
            self.too_deep += 1
            return
        children = self.children
        for key, value in mapping.items():
            child = children.get(key)
            if child is None:
                if len(children) >= MAX_KEYS:
                    self.extra_keys += 1
                    continue
                child = children[key] = PathStats(self.value_cap, self.depth + 1)
            child.seen += 1
            kind = type(value)
            types = child.types
            seen = types[kind] = types.get(kind, 0) + 1
            if kind is str:
                values = child.values
                if values is not None:
                    n = values.get(value)
                    if n is not None:
                        values[value] = n + 1
                        continue
                child._string(value, seen)
            elif kind is dict:
                child._object(value)
            else:
                child._other(value, kind)


class EventStats:
    """One event (a track event by name, or a call type) as seen in the stream."""

    __slots__ = ("call", "name", "count", "first", "last", "libraries", "versions", "names", "payload", "source")

    def __init__(self, call: str, name: str, value_cap: int, source: Location):
        self.call = call
        self.name = name
        self.count = 0
        self.first: str | None = None
        self.last: str | None = None
        self.libraries: dict[str, int] = {}
        self.versions: dict[str, int] = {}
        self.names: dict[str, int] = {}  # page and screen calls: the names they carry
        self.payload = PathStats(value_cap)  # its properties (track, page, screen) or traits
        self.source = source                 # where it was first seen

    @property
    def field(self) -> str:
        return PAYLOAD_FIELD[self.call]

    def observe(self, payload: dict, name: str | None = None) -> None:
        self.count += 1
        if name is not None and self.call != "track":
            _count(self.names, name)
        if self.field in payload:
            self.payload.seen += 1
            self.payload.observe(payload[self.field])
        when = _timestamp(payload)
        if when is not None:
            if self.first is None or when < self.first:
                self.first = when
            if self.last is None or when > self.last:
                self.last = when
        context = payload.get("context")
        if type(context) is dict:
            _count(self.libraries, _dig(context, "library", "name"))
            _count(self.versions, _dig(context, "protocols", "event_version"))


def _dig(mapping: dict, outer: str, inner: str) -> Any:
    value = mapping.get(outer)
    return value.get(inner) if type(value) is dict else None


def _count(counter: dict[str, int], value: Any) -> None:
    if type(value) is str and value in counter:  # the common case: a name already counted
        counter[value] += 1
        return
    if value is None or isinstance(value, (dict, list)):
        return
    value = str(value)
    if value in counter or len(counter) < MAX_NAMES:
        counter[value] = counter.get(value, 0) + 1


def _timestamp(payload: dict) -> str | None:
    """The event's time as comparable UTC text (``2026-11-20T10:00:00.000Z``), or None."""
    for name in TIMESTAMP_FIELDS:
        value = payload.get(name)
        if type(value) is str and value:
            if value[-1] == "Z" and len(value) >= 20:
                return value
            return _utc(value)
    return None


def _utc(text: str) -> str | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
