"""Report data for a validation run (:class:`~protocol_kit.validation.report.ValidationReport`).

The validator counts every violation into its summary and digest and keeps a
capped list; this adapter carries them over as they are, adds per-event
counts from the digest, and states where the events went as notes.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from protocol_kit.report.data import DigestRow, EventCount, ReportData, Summary

if TYPE_CHECKING:
    from protocol_kit.validation.report import ValidationReport


def from_validation(report: "ValidationReport", *, inputs: tuple[str, ...] = (), plan_version: str | None = None,
                    created: str | None = None) -> ReportData:
    s = report.summary
    digest = report.digest
    return ReportData(
        tool="validate", title="protocol-kit validate",
        summary=Summary(violations=s.violations, by_severity=dict(s.by_severity), by_kind=dict(s.by_kind),
                        by_code=dict(s.by_code), totals={"events": s.events, "valid": s.valid, "invalid": s.invalid}),
        digest=digest, violations=report.violations, violations_omitted=report.violations_not_kept,
        inputs=inputs, plan=report.plan, plan_version=plan_version, events=event_counts(digest), created=created,
        notes=notes(report),
        # the fields of the validator's documented JSON summary (docs/validation.md) that ReportData names otherwise
        extra={"violations_not_kept": report.violations_not_kept, "outcomes": report.outcomes.to_dict(),
               "formats": dict(report.formats)})


def event_counts(digest: tuple[DigestRow, ...]) -> tuple[EventCount, ...]:
    total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for row in digest:
        name = row.event or row.event_type or ""
        total[name] += row.count
        errors[name] += row.count if row.severity == "error" else 0
    return tuple(EventCount(event=name, violations=n, errors=errors[name])
                 for name, n in sorted(total.items(), key=lambda item: (-item[1], item[0])))


def notes(report: "ValidationReport") -> tuple[str, ...]:
    """The run in words: events read, valid and invalid, where each went, and what was not listed."""
    s, o = report.summary, report.outcomes
    lines = [f"{report.plan}: {s.events} event(s) read, {s.valid} valid, {s.invalid} invalid"]
    accounting = [f"{o.passed} passed" + (f" ({o.omitted} with properties omitted)" if o.omitted else "")]
    accounting += [f"{getattr(o, name)} {name}" for name in ("dropped", "quarantined", "reported") if getattr(o, name)]
    lines.append(f"{o.mode} mode: {o.read} read = " + " + ".join(accounting))
    if set(report.formats) - {"segment"}:  # plain Segment-spec input needs no word on its format
        read = ", ".join(f"{name} ({count})" for name, count in report.formats.items())
        lines.append(f"formats read: {read}")
    if report.violations_not_kept:
        lines.append(f"{report.violations_not_kept} violation(s) counted but not listed (--max-violations)")
    lines.extend(report.pii_notes)
    return tuple(lines)
