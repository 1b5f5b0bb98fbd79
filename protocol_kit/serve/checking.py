"""Every check the collector makes, in one place: an SDK's body read into events, each event validated.

One :class:`Checker` per plan builds the validation engine once and reuses
it for every request. A body is read by the wire formats
(:mod:`protocol_kit.events.wire`) into its events; each event goes through
the engine exactly as in ``protocol-kit validate`` (the compiled fast check,
then every violation in detail, then the mode's outcome). Nothing here reads
a format or checks a rule itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from protocol_kit.events.record import EventRecord
from protocol_kit.events.wire import BodyError, parse_body
from protocol_kit.pii import PiiRules
from protocol_kit.validation.api import PlanLike, compiled
from protocol_kit.validation.engine import Engine, Options, RecordBatch
from protocol_kit.violation import Location, Violation

__all__ = ["BodyError", "CheckedEvent", "Checker", "parse_body"]

OUTCOMES = ("passed", "dropped", "quarantined", "reported")


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
    """Reads and checks events against one plan with one engine (built once, reused for every request)."""

    def __init__(self, plan: PlanLike, *, mode: str = "report", pii: str = "flag",
                 pii_rules: PiiRules | None = None, salt: str | None = None, event_version: str = "oldest"):
        self.plan = compiled(plan)
        self.mode = mode
        self.engine = Engine(self.plan, Options(mode=mode, keep_passed=mode != "report",
                                                keep_quarantined=mode == "quarantine", pii=pii,
                                                pii_rules=pii_rules, salt=salt, event_version=event_version))

    def events(self, document: Any, source: Location) -> list[EventRecord]:
        """The events of a parsed body (see :func:`parse_body`), read by the wire formats."""
        return self.engine.events_of(EventRecord(document, source=source))

    def check(self, event: EventRecord) -> CheckedEvent:
        """One event of :meth:`events` checked as ``protocol-kit validate`` checks it."""
        result = self.engine.process_records(RecordBatch(0, [event]))  # the compiled check first, then details
        outcome = next(name for name in OUTCOMES if getattr(result, name))
        violations = tuple(result.violations[0]) if result.violations else ()
        return CheckedEvent(record=event, format=self.engine.wire.format_of(event), violations=violations,
                            outcome=outcome, valid_line=result.passed_out[0] if result.passed_out else None,
                            quarantine_line=result.quarantine_out[0] if result.quarantine_out else None)
