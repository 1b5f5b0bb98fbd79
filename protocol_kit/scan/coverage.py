"""Which planned events are tracked where, and which never are."""
from __future__ import annotations

from typing import Iterable, NamedTuple

from protocol_kit.plan.model import Plan
from protocol_kit.scan.model import TrackingCall
from protocol_kit.violation import Location, Violation


class EventCoverage(NamedTuple):
    """Where a planned event is tracked; ``unresolved`` counts the calls of the run whose event
    name could not be worked out, any of which may send it."""

    event: str
    locations: tuple[Location, ...]
    unresolved: int = 0

    @property
    def tracked(self) -> bool:
        return bool(self.locations)

    @property
    def status(self) -> str:
        if self.tracked:
            return "tracked"
        if not self.unresolved:
            return "never tracked"
        calls = f"{self.unresolved} unresolved call{'s' if self.unresolved != 1 else ''}"
        return f"not tracked by a resolved call; may be tracked by {calls}"

    def to_dict(self) -> dict:
        return {"event": self.event, "tracked": self.tracked, "locations": [str(loc) for loc in self.locations],
                "unresolved_calls": 0 if self.tracked else self.unresolved}


def coverage(calls: Iterable[TrackingCall], plan: Plan) -> tuple[EventCoverage, ...]:
    """Every planned track event, in plan order, with the calls that send it."""
    found: dict[str, list[Location]] = {e.name: [] for e in plan.track_events}
    unresolved = 0
    for call in calls:
        unresolved += call.event.unresolved
        for name in call.event.candidates:
            if name in found:
                found[name].append(call.location)
    return tuple(EventCoverage(name, tuple(locations), unresolved) for name, locations in found.items())


def untracked(report: Iterable[EventCoverage], plan: Plan) -> list[Violation]:
    """SC006 for each planned event no call sends (deprecated events are expected to go)."""
    return [Violation.of("SC006", f"planned event {item.event!r} is {item.status}", event=item.event,
                         event_type="track", source=Location(file=plan.source))
            for item in report
            if not item.tracked and not plan.event(item.event).deprecated]
