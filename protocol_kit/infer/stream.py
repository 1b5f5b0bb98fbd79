"""The statistics of a whole stream: every event and call type, and what could not be used."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from protocol_kit.events import EventRecord, call_of
from protocol_kit.infer.stats import EventStats
from protocol_kit.violation import Location

MAX_PROBLEMS = 20  # unusable events kept with their reason (all are counted)


@dataclass(frozen=True, slots=True)
class Unusable:
    """An event that could not be read or is not a usable Segment-spec call."""

    source: Location
    reason: str


class StreamStats:
    """Feed it events (:class:`EventRecord` s or parsed payloads) with :meth:`add`."""

    def __init__(self, *, value_cap: int):
        self.value_cap = value_cap
        self.read = 0
        self.events: dict[tuple[str, str], EventStats] = {}
        self.unusable = 0
        self.problems: list[Unusable] = []
        self.aliases = 0

    def add(self, event: EventRecord | Any) -> None:
        self.read += 1
        record = event if isinstance(event, EventRecord) else EventRecord(event, source=Location(index=self.read - 1))
        if not record.parsed:
            self._unusable(record.source, record.error or "unreadable")
            return
        found = call_of(record.payload)
        if isinstance(found, str):
            self._unusable(record.source, found)
            return
        call, name = found
        if call == "alias":
            self.aliases += 1
            return
        key = (call, name if call == "track" else call)
        stats = self.events.get(key)
        if stats is None:
            stats = self.events[key] = EventStats(call, key[1], self.value_cap, record.source)
        stats.observe(record.payload)

    def add_all(self, events: Iterable[EventRecord | Any]) -> None:
        for event in events:
            self.add(event)

    def _unusable(self, source: Location, reason: str) -> None:
        self.unusable += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Unusable(source, reason))
