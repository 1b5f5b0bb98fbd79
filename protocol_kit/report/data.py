"""The one input every report format reads: :class:`ReportData`.

Lint, validation and scanning each produce it through an adapter
(:func:`from_violations` for a list of violations); formats never look at
the tool that made it. ``to_dict()`` of each record is the documented JSON
shape (``--format json``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from protocol_kit.results import DigestBuilder, DigestRow, digest_path  # noqa: F401 (the report layer's names)
from protocol_kit.violation import Violation


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over the whole run. ``totals`` holds the tool's own headline counts
    (``events``, ``valid``, ``invalid`` for validation; ``plans`` for lint; ``files`` for scanning)."""

    violations: int = 0
    by_severity: Mapping[str, int] = field(default_factory=dict)
    by_kind: Mapping[str, int] = field(default_factory=dict)
    by_code: Mapping[str, int] = field(default_factory=dict)
    totals: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {**self.totals, "violations": self.violations, "by_severity": dict(self.by_severity),
                "by_kind": dict(self.by_kind), "by_code": dict(self.by_code)}


@dataclass(frozen=True, slots=True)
class EventCount:
    """Violations of one event (``seen`` and ``invalid`` when the tool counted events)."""

    event: str
    violations: int
    errors: int
    seen: int | None = None
    invalid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        counts = {"event": self.event, "violations": self.violations, "errors": self.errors}
        return counts | {k: v for k, v in (("seen", self.seen), ("invalid", self.invalid)) if v is not None}


@dataclass(frozen=True, slots=True)
class Comparison:
    """The digest against a saved baseline: signatures that are new, still present, and fixed."""

    new: frozenset[tuple[str, str, str, str]] = frozenset()
    present: frozenset[tuple[str, str, str, str]] = frozenset()
    fixed: tuple[Mapping[str, Any], ...] = ()  # baseline entries no longer found

    def status(self, row: DigestRow) -> str:
        return "new" if row.signature in self.new else "present"

    def to_dict(self) -> dict[str, Any]:
        return {"new": len(self.new), "present": len(self.present), "fixed": [dict(e) for e in self.fixed]}


@dataclass(frozen=True, slots=True)
class Table:
    """A tool's own table of rows (inference: one row per event property), shown by the formats that
    lay out tables: xlsx as a sheet, html as a section (JSON has the same figures in ``extra``)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "columns": list(self.columns), "rows": [list(row) for row in self.rows]}


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a report shows.

    ``violations`` may be capped (``violations_omitted`` counts the rest);
    the summary and the digest always count every violation. ``created`` is
    when the run happened (ISO 8601, UTC), ``comparison`` is set when a
    baseline was given. ``notes`` are lines every human-readable format shows
    under the summary, in the tool's own words (events read, where they went);
    text shows them instead of the plain ``totals`` line. ``extra`` holds
    tool-specific summary fields for the JSON output only; ``tables`` are a tool's own tables.
    """

    tool: str
    title: str
    summary: Summary
    digest: tuple[DigestRow, ...] = ()
    violations: tuple[Violation, ...] = ()
    violations_omitted: int = 0
    inputs: tuple[str, ...] = ()
    plan: str | None = None
    plan_version: str | None = None
    events: tuple[EventCount, ...] = ()
    created: str | None = None
    comparison: Comparison | None = None
    notes: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    tables: tuple[Table, ...] = ()

    def headline(self) -> str:
        """``protocol-kit lint ecommerce 2.1.0: 5 violations (3 errors, 2 warnings)``."""
        plan = " ".join(p for p in (self.plan, self.plan_version) if p)
        counts = ", ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}"
                           for s, n in self.summary.by_severity.items())
        found = f"{self.summary.violations} violation{'' if self.summary.violations == 1 else 's'}"
        return f"{self.title}{' ' + plan if plan else ''}: {found}{f' ({counts})' if counts else ''}"

    def meta(self) -> dict[str, Any]:
        return {k: v for k, v in (("tool", self.tool), ("title", self.title), ("plan", self.plan),
                                  ("plan_version", self.plan_version), ("inputs", list(self.inputs)),
                                  ("created", self.created)) if v is not None}

    def to_dict(self) -> dict[str, Any]:
        summary = {**self.meta(), **self.summary.to_dict(), "violations_omitted": self.violations_omitted,
                   "by_event": [e.to_dict() for e in self.events], **self.extra}
        if self.notes:
            summary["notes"] = list(self.notes)
        digest = [row.to_dict() for row in self.digest]
        if self.comparison is not None:
            summary["baseline"] = self.comparison.to_dict()
            for entry, row in zip(digest, self.digest):
                entry["status"] = self.comparison.status(row)
        return {"summary": summary, "digest": digest, "violations": [v.to_dict() for v in self.violations]}


def from_violations(tool: str, violations: Sequence[Violation], *, title: str | None = None,
                    inputs: Iterable[str] = (), plan: str | None = None, plan_version: str | None = None,
                    totals: Mapping[str, int] | None = None, max_violations: int | None = None,
                    created: str | None = None) -> ReportData:
    """Report data for a list of violations (lint, scan): computes the summary, the digest and per-event counts."""
    kept = tuple(violations if max_violations is None else violations[:max_violations])
    return ReportData(tool=tool, title=title or f"protocol-kit {tool}", summary=summarise(violations, totals),
                      digest=digest(violations), violations=kept, violations_omitted=len(violations) - len(kept),
                      inputs=tuple(inputs), plan=plan, plan_version=plan_version,
                      events=event_counts(violations), created=created)


def summarise(violations: Sequence[Violation], totals: Mapping[str, int] | None = None) -> Summary:
    def count(attribute: str) -> dict[str, int]:
        return dict(sorted(Counter(getattr(v, attribute) for v in violations).items()))
    return Summary(violations=len(violations), by_severity=count("severity"), by_kind=count("kind"),
                   by_code=count("code"), totals=dict(totals or {}))


def digest(violations: Iterable[Violation]) -> tuple[DigestRow, ...]:
    """One row per (event, event type, code, path), most frequent first."""
    builder = DigestBuilder()
    for v in violations:
        builder.add(v)
    return builder.rows()


def event_counts(violations: Iterable[Violation]) -> tuple[EventCount, ...]:
    total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for v in violations:
        name = v.event or v.event_type or ""
        total[name] += 1
        errors[name] += v.severity == "error"
    return tuple(EventCount(event=name, violations=n, errors=errors[name])
                 for name, n in sorted(total.items(), key=lambda item: (-item[1], item[0])))
