"""The scan's own output: its closing summary line and the coverage listing (findings use the report formats)."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable, Sequence

from protocol_kit.scan.coverage import EventCoverage

if TYPE_CHECKING:
    from protocol_kit.scan.scanner import ScanResult
from protocol_kit.violation import Violation


def summary(violations: Sequence[Violation]) -> str:
    if not violations:
        return "No problems found."
    counts = {s: sum(v.severity == s for v in violations) for s in ("error", "warning", "info")}
    parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    return f"Found {len(violations)} problem{'s' if len(violations) != 1 else ''} ({parts})."


def scan_summary(result: "ScanResult", *, listed: bool) -> str:
    """``Scanned 12 file(s): 40 tracking calls, 37 checked, 3 with an event name not resolved.``"""
    unresolved = len(result.unresolved)
    text = (f"Scanned {result.files} file(s): {len(result.calls)} tracking call{'s' if len(result.calls) != 1 else ''}"
            f", {result.checked} checked, {unresolved} with an event name not resolved")
    if unresolved and not listed:
        text += " (--show-unresolved lists them)"
    return text + "."


def render_unresolved(result: "ScanResult") -> str:
    """One line per unresolved call: where, the name as written, and why it could not be resolved."""
    return "\n".join(f"{call.event.location or call.location}: unresolved event name {call.event.reference!r}: "
                     f"{call.event.why}" for call in result.unresolved)


def render_coverage_text(report: Sequence[EventCoverage]) -> str:
    width = max((len(item.event) for item in report), default=0)
    lines = []
    for item in report:
        where = ", ".join(str(loc) for loc in item.locations) if item.tracked else item.status
        lines.append(f"{'✓' if item.tracked else '✗'} {item.event:<{width}}  {where}")
    missing = sum(not item.tracked for item in report)
    lines.append(f"{len(report) - missing} of {len(report)} planned events tracked; {missing} missing.")
    return "\n".join(lines)


def render_coverage_json(report: Sequence[EventCoverage]) -> str:
    return json.dumps([item.to_dict() for item in report], indent=2, ensure_ascii=False)


COVERAGE_RENDERERS: dict[str, Callable[[Sequence[EventCoverage]], str]] = {
    "text": render_coverage_text, "json": render_coverage_json,
}
