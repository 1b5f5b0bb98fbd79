"""A digest over time: several saved results combined, problems new in a window told from those seen before.

Results are placed in time by when they were produced (``created`` in a saved
result). Violations carry no event timestamp, so the window selects whole
results, not single events: run validation per batch (hourly, daily) and
keep each JSON result to get a daily digest.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterable, Sequence

from protocol_kit.errors import InputError
from protocol_kit.baseline import FIELDS
from protocol_kit.report.data import Comparison, EventCount, ReportData, Summary
from protocol_kit.results import DigestBuilder, DigestRow

_DURATION = re.compile(r"(\d+)\s*([mhdw])")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


@dataclass(frozen=True, slots=True)
class TimedResult:
    result: ReportData
    at: datetime


def parse_window(text: str) -> timedelta:
    """``48h``, ``7d``, ``90m``, ``2w``, or a sum such as ``1d12h``."""
    parts = _DURATION.findall(text.strip().lower())
    if not parts or _DURATION.sub("", text.strip().lower()).strip():
        raise InputError(f"'{text}' is not a duration such as 48h, 7d or 90m")
    return sum((timedelta(**{_UNITS[unit]: int(n)}) for n, unit in parts), timedelta())


def parse_time(text: str) -> datetime:
    """An ISO 8601 time; without a zone it is UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"'{text}' is not an ISO 8601 time such as 2026-01-05T09:30:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def digest_window(results: Sequence[TimedResult], *, since: datetime, now: datetime) -> ReportData:
    """The results produced in [since, now] combined; their problems marked new or seen before ``since``."""
    ordered = sorted(results, key=lambda r: r.at)
    inside = [r.result for r in ordered if since <= r.at <= now]
    before = [r.result for r in ordered if r.at < since]
    rows = merge_rows(row for result in inside for row in result.digest)
    earlier = Counter()
    for row in (row for result in before for row in result.digest):
        earlier[row.signature] += row.count
    now_seen = {row.signature for row in rows}
    fixed = tuple(dict(zip(FIELDS, s), count=n) for s, n in sorted(earlier.items()) if s not in now_seen)
    comparison = Comparison(new=frozenset(now_seen - set(earlier)), present=frozenset(now_seen & set(earlier)),
                            fixed=fixed)
    first = inside[0] if inside else None
    return ReportData(
        tool="digest", title=f"protocol-kit digest {iso(since)} to {iso(now)}",
        summary=_summary(inside, rows, results_before=len(before)), digest=rows,
        violations=tuple(v for result in inside for v in result.violations),
        violations_omitted=sum(result.violations_omitted for result in inside),
        inputs=tuple(i for result in inside for i in result.inputs),
        plan=first.plan if first else None, plan_version=first.plan_version if first else None,
        events=_events(inside), created=iso(now), comparison=comparison)


def merge_rows(rows: Iterable[DigestRow]) -> tuple[DigestRow, ...]:
    """Digest rows of several runs, in time order, combined by (event, event type, code, path)."""
    builder = DigestBuilder()
    for row in rows:
        builder.add_row(row)
    return builder.rows()


def _summary(results: Sequence[ReportData], rows: Sequence[DigestRow], *, results_before: int) -> Summary:
    totals: Counter[str] = Counter()
    counts = {"by_severity": Counter(), "by_kind": Counter(), "by_code": Counter()}
    for result in results:
        totals.update(result.summary.totals)
        for name, counter in counts.items():
            counter.update(getattr(result.summary, name))
    return Summary(violations=sum(r.count for r in rows),
                   totals={"results": len(results), "earlier results": results_before, **totals},
                   **{name: dict(sorted(c.items())) for name, c in counts.items()})


def _events(results: Sequence[ReportData]) -> tuple[EventCount, ...]:
    violations: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for result in results:
        for e in result.events:
            violations[e.event] += e.violations
            errors[e.event] += e.errors
    return tuple(EventCount(event=name, violations=n, errors=errors[name])
                 for name, n in sorted(violations.items(), key=lambda item: (-item[1], item[0])))
