"""The scan's own output: its closing summary line and the coverage listing (findings use the report formats)."""
from __future__ import annotations

import json
from typing import Callable, Sequence

from protocol_kit.scan.coverage import EventCoverage
from protocol_kit.violation import Violation


def summary(violations: Sequence[Violation]) -> str:
    if not violations:
        return "No problems found."
    counts = {s: sum(v.severity == s for v in violations) for s in ("error", "warning", "info")}
    parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    return f"Found {len(violations)} problem{'s' if len(violations) != 1 else ''} ({parts})."


def render_coverage_text(report: Sequence[EventCoverage]) -> str:
    width = max((len(item.event) for item in report), default=0)
    lines = []
    for item in report:
        where = ", ".join(str(loc) for loc in item.locations) if item.tracked else "never tracked"
        lines.append(f"{'✓' if item.tracked else '✗'} {item.event:<{width}}  {where}")
    missing = sum(not item.tracked for item in report)
    lines.append(f"{len(report) - missing} of {len(report)} planned events tracked; {missing} missing.")
    return "\n".join(lines)


def render_coverage_json(report: Sequence[EventCoverage]) -> str:
    return json.dumps([item.to_dict() for item in report], indent=2, ensure_ascii=False)


COVERAGE_RENDERERS: dict[str, Callable[[Sequence[EventCoverage]], str]] = {
    "text": render_coverage_text, "json": render_coverage_json,
}
