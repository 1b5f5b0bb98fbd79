"""Call shapes: which argument of a call holds the event name, and which the properties.

A shape names a receiver (or none, for a bare function), its method names
and where to find the two values: an argument position (``0``), a keyword or
label (``"event"``), or a key inside an object argument (``"1.event"``,
``"0.event.data"``). ``[[tool.protocol-kit.scan.calls]]`` tables add shapes;
the built-in ones cover Snowplow, whose event name is inside an object.
"""
from __future__ import annotations

from typing import Any, Mapping, NamedTuple

from protocol_kit.errors import ConfigError

KINDS = ("track", "identify", "page", "screen", "group")
_TABLE = "[[tool.protocol-kit.scan.calls]]"
_KEYS = ("receiver", "methods", "event", "properties", "kind")


class ArgumentPath(NamedTuple):
    """An argument by ``position`` or ``label``, then ``keys`` into the object it holds."""

    position: int | None = None
    label: str | None = None
    keys: tuple[str, ...] = ()

    @classmethod
    def parse(cls, raw: Any, where: str) -> "ArgumentPath":
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
            return cls(position=raw)
        if isinstance(raw, str) and raw and all(raw.split(".")):
            first, *keys = raw.split(".")
            if first.isdigit():
                return cls(position=int(first), keys=tuple(keys))
            return cls(label=first, keys=tuple(keys))
        raise ConfigError(f"{_TABLE} {where}: expected an argument position (0), a keyword (\"event\") "
                          f"or a key of an argument (\"1.event\"), got {raw!r}")

    def __str__(self) -> str:
        head = str(self.position) if self.position is not None else str(self.label)
        return ".".join((head, *self.keys))


class CallShape(NamedTuple):
    """``receiver.method(...)`` (receiver None: a bare ``method(...)``) and where its values are."""

    receiver: str | None
    methods: tuple[str, ...]
    event: ArgumentPath | None
    properties: ArgumentPath | None = None
    kind: str = "track"
    # A bare built-in shape counts only where the file imports the function.
    needs_import: bool = False

    @classmethod
    def from_table(cls, table: Mapping[str, Any], index: int) -> "CallShape":
        where = f"#{index + 1}"
        unknown = sorted(set(table) - set(_KEYS))
        if unknown:
            raise ConfigError(f"{_TABLE} {where}: unknown key {unknown[0]!r}; known: {', '.join(_KEYS)}")
        methods = table.get("methods")
        if not isinstance(methods, list) or not methods or not all(isinstance(m, str) and m for m in methods):
            raise ConfigError(f"{_TABLE} {where}: 'methods' must be a non-empty list of method names, got {methods!r}")
        receiver = table.get("receiver")
        if receiver is not None and (not isinstance(receiver, str) or not receiver):
            raise ConfigError(f"{_TABLE} {where}: 'receiver' must be a non-empty string, got {receiver!r}")
        kind = table.get("kind", "track")
        if kind not in KINDS:
            raise ConfigError(f"{_TABLE} {where}: 'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
        if kind == "track" and "event" not in table:
            raise ConfigError(f"{_TABLE} {where}: a track call needs 'event' (where its event name is)")
        event = ArgumentPath.parse(table["event"], f"{where} event") if "event" in table else None
        properties = ArgumentPath.parse(table["properties"], f"{where} properties") if "properties" in table else None
        return cls(receiver, tuple(methods), event, properties, kind)


# Snowplow: a structured event is named by its action; a self-describing event by its schema
# (``iglu:com.acme/button_click/jsonschema/1-0-0`` is ``button_click``), with its data as properties.
BUILT_IN = (
    CallShape(None, ("trackStructEvent",), ArgumentPath(0, keys=("action",)), needs_import=True),
    CallShape(None, ("trackSelfDescribingEvent",), ArgumentPath(0, keys=("event", "schema")),
              ArgumentPath(0, keys=("event", "data")), needs_import=True),
    CallShape("snowplow", ("trackStructEvent",), ArgumentPath(0, keys=("action",))),
    CallShape("snowplow", ("trackSelfDescribingEvent",), ArgumentPath(0, keys=("event", "schema")),
              ArgumentPath(0, keys=("event", "data"))),
)


def iglu_name(value: str) -> str:
    """``iglu:com.acme/button_click/jsonschema/1-0-0`` -> ``button_click``; other strings as they are."""
    if value.startswith("iglu:"):
        parts = value[5:].split("/")
        if len(parts) == 4:
            return parts[1]
    return value
