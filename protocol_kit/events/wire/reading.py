"""What a wire-format reader is handed: where the body came from, and how to name what it finds."""
from __future__ import annotations

from typing import Any, Callable, NamedTuple

from protocol_kit.events.wire.record import WireRecord
from protocol_kit.violation import Location


def same_name(name: str) -> str:
    return name


class Reading(NamedTuple):
    """One body being read as ``format``: records are placed at ``source`` (and their index in the body).

    ``event_name`` turns a name found in the body (a Snowplow schema name such
    as ``order_completed``) into the planned event name it stands for.
    """

    format: str
    source: Location = Location()
    event_name: Callable[[str], str] = same_name

    def event(self, payload: dict[str, Any], original: Any, index: int | None = None) -> WireRecord:
        """A Segment-spec event read from ``original`` (the SDK's record)."""
        return WireRecord(payload=payload, source=self.at(index), format=self.format,
                          original=None if payload is original else original)

    def error(self, message: str, original: Any, index: int | None = None) -> WireRecord:
        """A record of the body that could not be read as an event; ``original`` is kept."""
        return WireRecord(source=self.at(index), error=message, format=self.format, original=original)

    def at(self, index: int | None) -> Location:
        if index is None:
            return self.source
        source = self.source
        if source.index is not None:  # a batch inside an array: keep the outer position
            return source
        return Location(file=source.file, line=source.line, column=source.column, sheet=source.sheet,
                        row=source.row, index=index)
