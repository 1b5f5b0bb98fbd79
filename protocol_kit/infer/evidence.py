"""What the draft is based on: one record per event and per property path, for comments, findings and reports."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TYPE_NAMES = {type(None): "null", bool: "boolean", int: "integer", float: "number", str: "string",
              list: "array", dict: "object"}


@dataclass(frozen=True, slots=True)
class PathEvidence:
    """One property path of one event. ``present`` of ``containers`` payloads (or objects, or array
    elements) had the key; ``types`` is the histogram of JSON types; ``pointer`` is as in violations."""

    event: str
    call: str
    pointer: str
    name: str
    present: int
    containers: int
    types: dict[str, int]
    dominant: str | None
    mixed: bool
    format: str | None = None
    format_matches: int = 0
    distinct: int | None = None  # None: more than the capped counter holds
    minimum: int | float | None = None
    maximum: int | float | None = None
    pii: str | None = None
    pii_basis: str | None = None  # "name", "value" or "both"
    examples: tuple[Any, ...] = ()
    required: bool = False
    extra_keys: int = 0
    unnamed: bool = False  # an empty or blank key: no plan can name it
    too_deep: int = 0  # values nested deeper than inference follows

    @property
    def ratio(self) -> float:
        return self.present / self.containers if self.containers else 0.0

    @property
    def non_null(self) -> int:
        return sum(n for name, n in self.types.items() if name != "null")

    @property
    def other_types(self) -> int:
        """Values that are neither null nor of the dominant type (integers count as numbers)."""
        def fits(name: str) -> bool:
            return name == self.dominant or (self.dominant == "number" and name == "integer")
        return sum(n for name, n in self.types.items() if name != "null" and not fits(name))

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "call": self.call, "path": self.pointer, "present": self.present,
                "containers": self.containers, "ratio": round(self.ratio, 4), "types": dict(self.types),
                "type": self.dominant, "format": self.format, "format_matches": self.format_matches,
                "distinct": self.distinct, "minimum": self.minimum, "maximum": self.maximum, "pii": self.pii,
                "pii_basis": self.pii_basis, "examples": list(self.examples), "required": self.required}


@dataclass(frozen=True, slots=True)
class EventEvidence:
    """One event or call type: how often it came, when, from which libraries and in which versions."""

    name: str
    call: str
    count: int
    first: str | None
    last: str | None
    libraries: dict[str, int] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    source: str = ""
    names: dict[str, int] = field(default_factory=dict)  # page and screen calls: the names seen

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.name, "call": self.call, "count": self.count, "first_seen": self.first,
                "last_seen": self.last, "libraries": dict(self.libraries), "versions": dict(self.versions),
                "names": dict(self.names), "first_at": self.source}
