"""``markdown``: a compact summary and digest for pull request comments and CI step summaries."""
from __future__ import annotations

from protocol_kit import codes
from protocol_kit.report.data import ReportData

MAX_ROWS = 50
ICONS = {"error": "🔴", "warning": "🟡", "info": "🔵"}


def render(data: ReportData) -> str:
    lines = [f"### {cell(data.headline())}", ""]
    counts = [*data.summary.totals.items(), *data.summary.by_severity.items()]
    if counts:
        lines += ["| " + " | ".join(cell(name) for name, _ in counts) + " |",
                  "|" + " ---: |" * len(counts),
                  "| " + " | ".join(str(n) for _, n in counts) + " |", ""]
    lines += [*(cell(note) + "  " for note in data.notes), ""] if data.notes else []
    if data.comparison:
        c = data.comparison
        lines += [f"Compared with before: **{len(c.new)} new**, {len(c.present)} still present, "
                  f"{len(c.fixed)} fixed.", ""]
    if data.digest:
        lines += _digest(data)
    return "\n".join(lines).rstrip("\n") + "\n"


def _digest(data: ReportData) -> list[str]:
    status = data.comparison is not None
    head = ["severity", "code", "event", "path", "count", "first seen", "message", *(["status"] if status else [])]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for row in data.digest[:MAX_ROWS]:
        cells = [f"{ICONS.get(row.severity, '')} {row.severity}", f"{row.code} `{codes.get(row.code).name}`",
                 cell(row.event or "-"), code(row.path) if row.path else "-", str(row.count),
                 cell(str(row.first)), cell(row.message)]
        if status:
            cells.append(data.comparison.status(row))
        lines.append("| " + " | ".join(cells) + " |")
    if len(data.digest) > MAX_ROWS:
        lines += ["", f"{len(data.digest) - MAX_ROWS} more rows in the full report."]
    return lines


def cell(text: str) -> str:
    """Text safe inside a table cell: pipes escaped, newlines as spaces, HTML brackets as entities."""
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
            .replace("<", "&lt;").replace(">", "&gt;"))


def code(text: str) -> str:
    return "`" + cell(text).replace("`", "'") + "`"
