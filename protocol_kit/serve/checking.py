"""Every check the collector makes, in one place: an SDK's body read into events, each event validated.

One :class:`Checker` per plan holds one :class:`~protocol_kit.validation.api.Validator`,
built once and reused for every request. A body is read by the wire formats
(:meth:`Validator.events_of`) into its events; each event is checked by
:meth:`Validator.check`, exactly as ``protocol-kit validate`` checks it (the compiled
fast check, then every violation in detail, then the mode's outcome and the bytes
the run would write). Nothing here reads a format or checks a rule itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from protocol_kit.events.record import EventRecord
from protocol_kit.events.wire import BodyError, parse_body
from protocol_kit.pii import PiiRules
from protocol_kit.validation.api import OUTCOMES, PlanLike, Validator, compiled
from protocol_kit.validation.report import EventResult
from protocol_kit.violation import Location, Violation

__all__ = ["BodyError", "CheckedEvent", "Checker", "OUTCOMES", "parse_body"]


@dataclass(frozen=True, slots=True)
class CheckedEvent:
    """One event of a request and what the check found.

    ``record``: the event as read (``payload`` the Segment-spec event; a
    ``WireRecord`` keeps ``format`` and the SDK's ``original``). ``outcome``:
    passed, dropped, quarantined or reported (see ``--mode``); ``valid_line`` /
    ``quarantine_line``: the JSON Lines bytes the batch validator would write.
    """

    record: EventRecord
    format: str | None
    violations: tuple[Violation, ...]
    outcome: str
    valid_line: bytes | None = None
    quarantine_line: bytes | None = None

    @property
    def valid(self) -> bool:
        return not any(v.severity == "error" for v in self.violations)


class Checker:
    """Reads and checks events against one plan with one validator (built once, reused for every request)."""

    def __init__(self, plan: PlanLike, *, mode: str = "report", pii: str = "flag",
                 pii_rules: PiiRules | None = None, salt: str | None = None, event_version: str = "oldest"):
        self.plan = compiled(plan)
        self.mode = mode
        self.validator = Validator(self.plan, mode=mode, pii=pii, pii_rules=pii_rules, salt=salt,
                                   event_version=event_version)

    def events(self, document: Any, source: Location) -> list[EventRecord]:
        """The events of a parsed body (see :func:`parse_body`), read by the wire formats."""
        return self.validator.events_of(EventRecord(document, source=source))

    def check(self, event: EventRecord) -> CheckedEvent:
        """One event of :meth:`events` checked as ``protocol-kit validate`` checks it."""
        result = self.validator.check(event)
        if not isinstance(result, EventResult):  # an event of a body is one event
            raise TypeError(f"expected one event, got a body of {len(result.events)}")
        output = {result.outcome: result.output}
        return CheckedEvent(record=event, format=self.validator.format_of(event), violations=result.violations,
                            outcome=result.outcome, valid_line=output.get("passed"),
                            quarantine_line=output.get("quarantined"))
