"""The one place the plugin validates: a plan's engine, built once, checking each captured message.

A captured message is the body an SDK would have sent (a Segment call, a
PostHog event, a Mixpanel record, an Amplitude batch...). The wire readers
turn it into its Segment-spec events and the validation engine checks each,
exactly as ``protocol-kit validate`` would check the same body. Every other
module of the plugin calls :meth:`PlanCheck.events`; nothing else here
touches the engine.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protocol_kit.codes import SEVERITIES
from protocol_kit.events.wire import BodyError, WireRecord, parse_body, wire_format
from protocol_kit.events.wire.reading import Reading
from protocol_kit.plan import Plan
from protocol_kit.validation.api import compiled, load_plan
from protocol_kit.validation.engine import Engine, Options
from protocol_kit.violation import Location, Violation

# Which violation a reader should see first, when an event has several: the most severe, then the one about
# the event as a whole (an unplanned event, a wrong call) before those about one of its fields, then the
# deepest path (the most precise), then by code. ``sorted(violations, key=best_first)``.
_WHOLE_EVENT = ("", "/event", "/type")


def best_first(violation: Violation) -> tuple:
    return (-SEVERITIES.index(violation.severity), violation.path not in _WHOLE_EVENT,
            -violation.path.count("/"), violation.path, violation.code)


@dataclass(frozen=True, slots=True)
class CheckedEvent:
    """One Segment-spec event of a captured message, and its violations (best first)."""

    payload: dict[str, Any]
    violations: tuple[Violation, ...]


class PlanCheck:
    """A plan loaded and compiled once, and its validation engine.

    ``pii``: ``flag`` (as ``protocol-kit validate``: undeclared personal data is PII001) or ``off``.
    """

    def __init__(self, path: str | Path, *, pii: str = "flag"):
        self.path = Path(path)
        loaded = load_plan(self.path)
        self.plan: Plan | None = loaded if isinstance(loaded, Plan) else None
        self.engine = Engine(compiled(loaded), Options(pii=pii))
        self.planned_events = tuple(self.engine.schemas.track)

    def events(self, message: Any, *, wire_format: str, source: Location = Location()) -> list[CheckedEvent]:
        """The events of ``message`` (what an SDK sends, as ``wire_format``) with their violations."""
        checked = []
        for record in self.records(message, wire_format, source):
            payload = record.payload if record.parsed and isinstance(record.payload, dict) else {}
            if payload and self.engine.fast_valid(payload):
                checked.append(CheckedEvent(payload, ()))
                continue
            violations = sorted(self.engine.violations(record), key=best_first)
            checked.append(CheckedEvent(payload, tuple(violations)))
        return checked

    def records(self, message: Any, name: str, source: Location) -> list[WireRecord]:
        """The events of a message the SDK of format ``name`` built, read by that format's reader.

        The format is known (the SDK made the message), so it is not detected again.
        """
        try:
            document = parse_body(message) if isinstance(message, (bytes, str)) else message
        except BodyError as error:
            return [WireRecord(source=source, error=f"unreadable body: {error}", format=name, original=message)]
        return list(wire_format(name).read(document, Reading(name, source, self.engine.wire.event_name)))
