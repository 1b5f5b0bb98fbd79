"""One event as read from its source, parsed or not."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from protocol_kit.violation import Location


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event and where it was read.

    ``payload`` is the parsed event (any JSON value: checks decide whether it
    is a usable event). ``raw`` holds the exact input bytes when the event came
    from a line of its own, so that it can be passed on byte for byte, or kept
    when it could not be parsed. ``error`` says why there is no payload.
    """

    payload: Any = None
    raw: bytes | None = None
    source: Location = Location()
    error: str | None = None

    @property
    def parsed(self) -> bool:
        return self.error is None
