"""The statistics of a whole stream: every event and call type, and what could not be used."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import orjson

from protocol_kit.events import EventRecord, FileSlice, LineChunk, call_of
from protocol_kit.events.wire import WireReader
from protocol_kit.events.reader import parse_line
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
        self.wire = WireReader()  # what SDKs send (batches, PostHog, Mixpanel... bodies) read as Segment-spec calls

    def add(self, event: EventRecord | Any) -> None:
        """One event or SDK body: a record, or a parsed payload."""
        record = event if isinstance(event, EventRecord) else EventRecord(event, source=Location(index=self.read))
        for one in self.wire.records(record):
            self.read += 1
            if not one.parsed:
                self._unusable(one.source, one.error or "unreadable")
            else:
                self._payload(one.payload, one.source)

    def add_chunk(self, chunk: LineChunk | FileSlice) -> None:
        """The lines of a chunk of :func:`protocol_kit.events.read_chunks`, parsed here without a record each
        (a record, with its location, is made only for a line that cannot be used)."""
        lines = chunk.read().lines if isinstance(chunk, FileSlice) else chunk.lines
        loads = orjson.loads
        for number, line in enumerate(lines, chunk.first_line):
            if not line.strip():
                continue
            self.read += 1
            try:
                payload = loads(line)
            except orjson.JSONDecodeError:
                record = parse_line(line, Location(file=chunk.file, line=number))
                self._unusable(record.source, record.error or "unreadable")
                continue
            if isinstance(payload, dict) and "type" not in payload and "event" not in payload:  # a body
                self.read -= 1
                self.add(EventRecord(payload, raw=line, source=Location(file=chunk.file, line=number)))
                continue
            self._payload(payload, chunk.file, number)

    def add_all(self, events: Iterable[EventRecord | LineChunk | FileSlice | Any]) -> None:
        for event in events:
            if isinstance(event, (LineChunk, FileSlice)):
                self.add_chunk(event)
            else:
                self.add(event)

    def _payload(self, payload: Any, source: Location | str | None, position: int | None = None) -> None:
        """``source`` and ``position``: a location, a file and a line, or no file and an index (a location is
        made only when one is needed: for an unusable event, or the first of its name)."""
        found = call_of(payload)
        if isinstance(found, str):
            self._unusable(_location(source, position), found)
            return
        call, name = found
        if call == "alias":
            self.aliases += 1
            return
        key = (call, name if call == "track" else call)
        stats = self.events.get(key)
        if stats is None:
            stats = self.events[key] = EventStats(call, key[1], self.value_cap, _location(source, position))
        stats.observe(payload, name)

    def _unusable(self, source: Location, reason: str) -> None:
        self.unusable += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Unusable(source, reason))


def _location(source: Location | str | None, position: int | None) -> Location:
    if isinstance(source, Location):
        return source
    return Location(file=source, line=position) if source is not None else Location(index=position)
