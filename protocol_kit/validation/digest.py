"""Accumulate violations into a :class:`ValidationReport`: counts, digest rows, a capped list.

Builders of consecutive parts of a run (worker processes' slices of a file) merge
into the builder one process would have made: :meth:`ReportBuilder.merge`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from protocol_kit import results
from protocol_kit.results import MAX_DIGEST_ROWS, OTHER, DigestBuilder, digest_path  # noqa: F401 (public here)
from protocol_kit.results import Summary
from protocol_kit.validation.report import Outcomes, ValidationReport
from protocol_kit.violation import Violation

MAX_VIOLATIONS = 1000
EXAMPLE_IDS = results.EXAMPLE_IDS


class ReportBuilder:
    def __init__(self, *, max_violations: int = MAX_VIOLATIONS):
        self.max_violations = max_violations
        self.kept: list[Violation] = []
        self.not_kept = 0
        self.digest = DigestBuilder(max_rows=MAX_DIGEST_ROWS)
        self.by_code: Counter[str] = Counter()
        self.by_kind: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()
        self.invalid = 0

    def add_event(self, violations: list[Violation]) -> None:
        """The violations of one event (an event with an error counts as invalid)."""
        if any(v.severity == "error" for v in violations):
            self.invalid += 1
        room = self.max_violations - len(self.kept)
        self.kept.extend(violations[:max(room, 0)])
        self.not_kept += max(len(violations) - max(room, 0), 0)
        for v in violations:
            self.by_code[v.code] += 1
            self.by_kind[v.kind] += 1
            self.by_severity[v.severity] += 1
            self.digest.add(v)

    def merge(self, later: "ReportBuilder", *, line_shift: int = 0) -> None:
        """Add the builder of the events that came after these; ``line_shift`` is added to its line numbers
        (a part numbered its lines from 1 before the lines ahead of it were counted)."""
        self.invalid += later.invalid
        room = max(self.max_violations - len(self.kept), 0)
        self.kept.extend(_shifted(v, line_shift) for v in later.kept[:room])
        self.not_kept += later.not_kept + max(len(later.kept) - room, 0)
        self.by_code.update(later.by_code)
        self.by_kind.update(later.by_kind)
        self.by_severity.update(later.by_severity)
        self.digest.merge(later.digest, line_shift=line_shift)

    def build(self, plan: str, outcomes: Outcomes) -> ValidationReport:
        totals = {"events": outcomes.read, "valid": outcomes.read - self.invalid, "invalid": self.invalid}
        summary = Summary(violations=sum(self.by_code.values()), by_severity=dict(sorted(self.by_severity.items())),
                          by_kind=dict(sorted(self.by_kind.items())), by_code=dict(sorted(self.by_code.items())),
                          totals=totals)
        return ValidationReport(plan=plan, summary=summary, digest=self.digest.rows(), violations=tuple(self.kept),
                                violations_omitted=self.not_kept, outcomes=outcomes)


def _shifted(v: Violation, lines: int) -> Violation:
    return replace(v, source=v.source.shifted(lines)) if lines else v
