"""The result of validating a stream of events: one object every output format reads.

:class:`ValidationReport` holds the :class:`Summary` (counts), the digest (one
:class:`~protocol_kit.results.DigestRow` per event, kind and path), the violations themselves (a
capped list of :class:`~protocol_kit.violation.Violation`) and the
:class:`Outcomes` (where every event went). ``to_dict()`` is the JSON shape
printed by ``protocol-kit validate --format json``. See docs/validation.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from protocol_kit.events.record import EventRecord
from protocol_kit.results import DigestRow
from protocol_kit.violation import Violation

MODES = ("report", "block", "quarantine")


@dataclass(frozen=True, slots=True)
class Outcomes:
    """Where the events went. Every event read ends in exactly one of passed, dropped, quarantined, reported."""

    mode: str = "report"
    read: int = 0
    passed: int = 0  # conforming (no error), written to the valid output when there is one
    omitted: int = 0  # of ``passed``: passed once their unplanned properties were removed
    dropped: int = 0  # block mode: nonconforming, discarded
    quarantined: int = 0  # quarantine mode: nonconforming, written to the quarantine output
    reported: int = 0  # report mode: nonconforming, only reported

    @property
    def balanced(self) -> bool:
        return self.read == self.passed + self.dropped + self.quarantined + self.reported

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode, "read": self.read, "passed": self.passed, "omitted": self.omitted,
                "dropped": self.dropped, "quarantined": self.quarantined, "reported": self.reported}


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over the whole run. ``valid`` events have no violation of severity error."""

    events: int = 0
    valid: int = 0
    invalid: int = 0
    violations: int = 0
    by_kind: Mapping[str, int] = field(default_factory=dict)
    by_code: Mapping[str, int] = field(default_factory=dict)
    by_severity: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "valid": self.valid, "invalid": self.invalid,
                "violations": self.violations, "by_kind": dict(self.by_kind),
                "by_code": dict(self.by_code), "by_severity": dict(self.by_severity)}


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Everything a validation run found.

    ``violations`` keeps the first ``max_violations`` violations in input
    order; ``violations_not_kept`` counts the rest (the summary and digest
    count all of them).
    """

    plan: str
    summary: Summary
    digest: tuple[DigestRow, ...]
    violations: tuple[Violation, ...]
    violations_not_kept: int
    outcomes: Outcomes
    formats: Mapping[str, int] = field(default_factory=dict)  # events read per wire format (events/wire)
    # planned fields that look personal but carry no pii: declaration, one line each (see personal.py)
    pii_notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no event has a violation of severity error."""
        return self.summary.invalid == 0

    def to_dict(self) -> dict[str, Any]:
        summary = {"plan": self.plan, **self.summary.to_dict(), "violations_not_kept": self.violations_not_kept,
                   "outcomes": self.outcomes.to_dict(), "formats": dict(self.formats)}
        if self.pii_notes:
            summary["pii_planned_undeclared"] = list(self.pii_notes)
        return {"summary": summary, "digest": [row.to_dict() for row in self.digest],
                "violations": [v.to_dict() for v in self.violations]}


@dataclass(frozen=True, slots=True)
class EventResult:
    """The check of one event (see :func:`protocol_kit.validate`).

    ``rewritten``: the event with its undeclared personal data redacted or hashed
    (``pii="redact"`` or ``"hash"``), None when nothing was replaced.
    """

    record: EventRecord
    violations: tuple[Violation, ...]
    rewritten: Any = None

    @property
    def ok(self) -> bool:
        """True when the event has no violation of severity error (warnings allowed)."""
        return not any(v.severity == "error" for v in self.violations)


@dataclass(frozen=True, slots=True)
class BodyResult:
    """The check of a body holding several events (an SDK's batch; see :func:`protocol_kit.validate`).

    ``events``: one :class:`EventResult` per event, in body order; ``violations``
    are theirs, in the same order; ``formats`` counts the events per wire format.
    """

    events: tuple[EventResult, ...]

    @property
    def violations(self) -> tuple[Violation, ...]:
        return tuple(v for result in self.events for v in result.violations)

    @property
    def ok(self) -> bool:
        """True when no event of the body has a violation of severity error."""
        return all(result.ok for result in self.events)

    @property
    def formats(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for result in self.events:
            name = getattr(result.record, "format", None) or "segment"
            counts[name] = counts.get(name, 0) + 1
        return counts
