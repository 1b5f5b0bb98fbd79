"""Raw plan data with the location of every key, from any plan format.

Loaders turn a file into a :class:`RawPlan`: plain dicts and lists in the
shape of the YAML plan format, plus a map from key paths to where each key
was written. One builder turns a RawPlan into the model, so YAML,
spreadsheet and CSV plans share every rule.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from protocol_kit.violation import Location, Violation

KeyPath = tuple[str | int, ...]


@dataclass(slots=True)
class RawPlan:
    data: dict[str, Any]
    file: str
    locations: dict[KeyPath, Location] = field(default_factory=dict)
    findings: list[Violation] = field(default_factory=list)

    def location(self, path: KeyPath) -> Location:
        """The location of ``path``, or of its nearest located ancestor."""
        for end in range(len(path), -1, -1):
            found = self.locations.get(path[:end])
            if found is not None:
                return found
        return Location(file=self.file)
