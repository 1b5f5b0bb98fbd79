"""The terminal rendering: the digest as a table that fits the width, then the summary."""
from __future__ import annotations

from tabulate import tabulate

from protocol_kit.validation.report import DigestRow, ValidationReport

HEADERS = ("count", "code", "event", "path", "first seen", "message")
MIN_MESSAGE = 24
MAX_ROWS = 50


def render(report: ValidationReport, *, width: int = 100) -> str:
    parts = []
    if report.digest:
        parts.append(digest_table(report.digest[:MAX_ROWS], width=width))
        if len(report.digest) > MAX_ROWS:
            parts.append(f"... and {len(report.digest) - MAX_ROWS} more digest row(s); see --format json")
    parts.append(summary_lines(report))
    return "\n\n".join(parts)


def digest_table(rows: tuple[DigestRow, ...], *, width: int) -> str:
    """The digest, the message column wrapped to what is left of ``width``."""
    cells = [[row.count, row.code, _clip(row.event or "-", 28), _clip(row.path or "/", 36),
              _clip_left(str(row.first), 36), row.message] for row in rows]
    widths = [max(len(str(r[i])) for r in [HEADERS, *cells]) for i in range(len(HEADERS) - 1)]
    message_width = max(width - sum(widths) - 2 * (len(HEADERS) - 1), MIN_MESSAGE)
    return tabulate(cells, headers=HEADERS, tablefmt="simple", disable_numparse=True,
                    maxcolwidths=[None] * (len(HEADERS) - 1) + [message_width])


def summary_lines(report: ValidationReport) -> str:
    s, o = report.summary, report.outcomes
    kinds = ", ".join(f"{kind} {n}" for kind, n in s.by_kind.items())
    lines = [f"{report.plan}: {s.events} event(s) read, {s.valid} valid, {s.invalid} invalid; "
             f"{s.violations} violation(s)" + (f" ({kinds})" if kinds else "")]
    accounting = [f"{o.passed} passed" + (f" ({o.omitted} with properties omitted)" if o.omitted else "")]
    for name in ("dropped", "quarantined", "reported"):
        if getattr(o, name):
            accounting.append(f"{getattr(o, name)} {name}")
    lines.append(f"{o.mode} mode: {o.read} read = " + " + ".join(accounting))
    if report.violations_not_kept:
        lines.append(f"{report.violations_not_kept} violation(s) counted but not listed (--max-violations)")
    return "\n".join(lines)


def _clip_left(text: str, width: int) -> str:
    """Keep the end (file name and line) of a long location."""
    return text if len(text) <= width else "…" + text[-(width - 1):]


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(width - 1, 1)] + "…"
