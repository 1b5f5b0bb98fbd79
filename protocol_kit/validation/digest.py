"""Accumulate violations into a :class:`ValidationReport`: counts, digest rows, a capped list."""
from __future__ import annotations

from collections import Counter

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

    def build(self, plan: str, outcomes: Outcomes) -> ValidationReport:
        totals = {"events": outcomes.read, "valid": outcomes.read - self.invalid, "invalid": self.invalid}
        summary = Summary(violations=sum(self.by_code.values()), by_severity=dict(sorted(self.by_severity.items())),
                          by_kind=dict(sorted(self.by_kind.items())), by_code=dict(sorted(self.by_code.items())),
                          totals=totals)
        return ValidationReport(plan=plan, summary=summary, digest=self.digest.rows(), violations=tuple(self.kept),
                                violations_omitted=self.not_kept, outcomes=outcomes)
