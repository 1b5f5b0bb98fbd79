"""The result of validating a stream of events: one object every output format reads.

:class:`ValidationReport` holds the :class:`~protocol_kit.results.Summary` (counts), the digest (one
:class:`~protocol_kit.results.DigestRow` per event, kind and path), the violations themselves (a
capped list of :class:`~protocol_kit.violation.Violation`) and the
:class:`Outcomes` (where every event went). ``to_dict()`` is the run's one JSON shape
(:func:`protocol_kit.results.run_document`), the one ``protocol-kit validate --format json``
prints. See docs/validation.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from protocol_kit.events.record import EventRecord
from protocol_kit.results import DigestRow, Summary, event_counts_of_rows, run_document
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
class ValidationReport:
    """Everything a validation run found.

    ``violations`` keeps the first ``max_violations`` violations in input
    order; ``violations_omitted`` counts the rest (the summary and digest
    count all of them).
    """

    plan: str
    summary: Summary
    digest: tuple[DigestRow, ...]
    violations: tuple[Violation, ...]
    violations_omitted: int
    outcomes: Outcomes
    formats: Mapping[str, int] = field(default_factory=dict)  # events read per wire format (events/wire)
    # planned fields that look personal but carry no pii: declaration, one line each (see personal.py)
    pii_notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no event has a violation of severity error."""
        return self.summary.invalid == 0

    @property
    def violations_not_kept(self) -> int:
        """The earlier name of :attr:`violations_omitted`."""
        return self.violations_omitted

    def run_fields(self, *, inputs: tuple[str, ...] = (), plan_version: str | None = None,
                   created: str | None = None) -> dict[str, Any]:
        """The fields of the run's JSON document (:func:`~protocol_kit.results.run_document`), which are
        also those of its report data (``protocol_kit.report.validation.from_validation``)."""
        extra: dict[str, Any] = {"outcomes": self.outcomes.to_dict(), "formats": dict(self.formats)}
        if self.pii_notes:
            extra["pii_planned_undeclared"] = list(self.pii_notes)
        return {"tool": "validate", "title": "protocol-kit validate", "summary": self.summary,
                "digest": self.digest, "violations": self.violations, "violations_omitted": self.violations_omitted,
                "inputs": tuple(inputs), "plan": self.plan, "plan_version": plan_version,
                "events": event_counts_of_rows(self.digest), "created": created, "notes": self.notes(),
                "extra": extra}

    def to_dict(self, *, inputs: tuple[str, ...] = (), plan_version: str | None = None,
                created: str | None = None) -> dict[str, Any]:
        """The run's JSON document: what ``protocol-kit validate --format json`` prints."""
        return run_document(**self.run_fields(inputs=inputs, plan_version=plan_version, created=created))

    def notes(self) -> tuple[str, ...]:
        """The run in words: events read, valid and invalid, where each went, and what was not listed."""
        s, o = self.summary, self.outcomes
        lines = [f"{self.plan}: {s.events} event(s) read, {s.valid} valid, {s.invalid} invalid"]
        accounting = [f"{o.passed} passed" + (f" ({o.omitted} with properties omitted)" if o.omitted else "")]
        accounting += [f"{getattr(o, name)} {name}" for name in ("dropped", "quarantined", "reported")
                       if getattr(o, name)]
        lines.append(f"{o.mode} mode: {o.read} read = " + " + ".join(accounting))
        if set(self.formats) - {"segment"}:  # plain Segment-spec input needs no word on its format
            read = ", ".join(f"{name} ({count})" for name, count in self.formats.items())
            lines.append(f"formats read: {read}")
        if self.violations_omitted:
            lines.append(f"{self.violations_omitted} violation(s) counted but not listed (--max-violations)")
        lines.extend(self.pii_notes)
        return tuple(lines)


@dataclass(frozen=True, slots=True)
class EventResult:
    """The check of one event (see :func:`protocol_kit.validate`).

    ``rewritten``: the event with its undeclared personal data redacted or hashed
    (``pii="redact"`` or ``"hash"``), None when nothing was replaced.
    ``outcome``: where the validator's mode sends the event, as :meth:`Validator.run`
    counts it (``passed``, ``dropped``, ``quarantined`` or ``reported``); ``output``: the
    JSON Lines bytes ``run`` would write for it in ``block`` and ``quarantine`` modes (the
    valid output when it passed, the quarantine record when quarantined), None otherwise.
    """

    record: EventRecord
    violations: tuple[Violation, ...]
    rewritten: Any = None
    outcome: str = "passed"
    output: bytes | None = None

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
