"""The one input every report format reads: :class:`ReportData`.

Lint, validation and scanning each produce it through an adapter
(:func:`from_violations` for a list of violations); formats never look at
the tool that made it. ``to_dict()`` of each record is the documented JSON
shape (``--format json``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from protocol_kit.results import (  # noqa: F401 (the report layer's names for the records of the results layer)
    Comparison, DigestBuilder, DigestRow, EventCount, Summary, digest_path, event_counts, run_document, run_meta,
    summarise)
from protocol_kit.violation import Violation


class Table(NamedTuple):
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
        return run_meta(tool=self.tool, title=self.title, plan=self.plan, plan_version=self.plan_version,
                        inputs=self.inputs, created=self.created)

    def to_dict(self) -> dict[str, Any]:
        """The run's JSON document: :func:`protocol_kit.results.run_document` of these fields."""
        return run_document(tool=self.tool, title=self.title, summary=self.summary, digest=self.digest,
                            violations=self.violations, violations_omitted=self.violations_omitted,
                            inputs=self.inputs, plan=self.plan, plan_version=self.plan_version, events=self.events,
                            created=self.created, comparison=self.comparison, notes=self.notes, extra=self.extra)


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


def digest(violations: Iterable[Violation]) -> tuple[DigestRow, ...]:
    """One row per (event, event type, code, path), most frequent first."""
    builder = DigestBuilder()
    for v in violations:
        builder.add(v)
    return builder.rows()
