"""Accumulate violations into a :class:`ValidationReport`: counts, digest rows, a capped list."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from protocol_kit.validation.report import DigestRow, Outcomes, Summary, ValidationReport
from protocol_kit.violation import Location, Violation

MAX_VIOLATIONS = 1000
MAX_DIGEST_ROWS = 10_000  # beyond, new (event, code, path) keys share one "(other)" row per code
OTHER = "(other)"
EXAMPLE_IDS = 3
_INDEX = re.compile(r"/\d+(?=/|$)")


def digest_path(path: str) -> str:
    """A JSON pointer with array indices as ``*``: all products of an event share one row."""
    return _INDEX.sub("/*", path)


@dataclass(slots=True)
class _Row:
    first: Violation
    last: Location
    count: int = 0
    message_ids: list[str] = field(default_factory=list)


class ReportBuilder:
    def __init__(self, *, max_violations: int = MAX_VIOLATIONS):
        self.max_violations = max_violations
        self.kept: list[Violation] = []
        self.not_kept = 0
        self.rows: dict[tuple, _Row] = {}
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
            self._count(v)

    def _count(self, v: Violation) -> None:
        self.by_code[v.code] += 1
        self.by_kind[v.kind] += 1
        self.by_severity[v.severity] += 1
        key = (v.event, v.event_type, v.code, digest_path(v.path))
        row = self.rows.get(key)
        if row is None and len(self.rows) >= MAX_DIGEST_ROWS:  # event names made up at run time, say
            key = (OTHER, None, v.code, "*")
            row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = _Row(first=v, last=v.source)
        row.count += 1
        row.last = v.source
        if v.message_id and len(row.message_ids) < EXAMPLE_IDS and v.message_id not in row.message_ids:
            row.message_ids.append(v.message_id)

    def build(self, plan: str, outcomes: Outcomes) -> ValidationReport:
        summary = Summary(events=outcomes.read, valid=outcomes.read - self.invalid, invalid=self.invalid,
                          violations=sum(self.by_code.values()), by_kind=dict(sorted(self.by_kind.items())),
                          by_code=dict(sorted(self.by_code.items())),
                          by_severity=dict(sorted(self.by_severity.items())))
        return ValidationReport(plan=plan, summary=summary, digest=self._digest(), violations=tuple(self.kept),
                                violations_not_kept=self.not_kept, outcomes=outcomes)

    def _digest(self) -> tuple[DigestRow, ...]:
        rows = [DigestRow(event=key[0] or key[1], event_type=key[1],
                          kind=r.first.kind, code=r.first.code, severity=r.first.severity, path=key[3],
                          count=r.count, first=r.first.source, last=r.last,
                          message_ids=tuple(r.message_ids), message=r.first.message)
                for key, r in self.rows.items()]
        return tuple(sorted(rows, key=lambda r: (-r.count, r.event or "", r.code, r.path)))
