"""``text``: findings, the digest and the summary as aligned tables, sized to the terminal.

Findings come first as ``path:line:col: CODE message``, one per line (the
shape editors and problem matchers read), the code coloured by severity on
a terminal; then the digest and counts by kind as tables, then the summary.
"""
from __future__ import annotations


from protocol_kit.report.data import DigestRow, ReportData
from protocol_kit.report.formats.concise import line, one_line

MAX_LINES = 50
COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
BOLD, RESET = "\x1b[1m", "\x1b[0m"
# (column, floor) in the order columns give up width: first with every column, then without "first seen"
# (the findings above the table already say where)
SHRINK_ALL = (("message", 40), ("first seen", 24), ("path", 24))
SHRINK = (("path", 24), ("message", 30), ("event", 16), ("path", 12), ("message", 10), ("event", 8))
OPTIONAL = "first seen"
DIGEST_HEADERS = ("severity", "code", "event", "path", "count", "first seen", "message")


def render(data: ReportData, *, width: int | None = 100, color: bool = False) -> str:
    """``width`` None: cells are never shortened (for files and pipes)."""
    paint = _painter(color)
    parts = []
    if data.violations:
        parts.append(_findings(data, paint))
    if data.digest:
        parts.append(_digest_table(data, width, paint))
    if data.summary.by_kind:
        parts.append(_kinds(data, paint))
    parts.append(_summary(data, paint))
    return "\n\n".join(parts) + "\n"


def _findings(data: ReportData, paint) -> str:
    lines = [line(v, paint(v.code, COLOURS.get(v.severity))) for v in data.violations[:MAX_LINES]]
    hidden = len(data.violations) - MAX_LINES + data.violations_omitted
    if hidden > 0:
        lines.append(f"... and {hidden} more (all of them: --format json or --report xlsx=PATH)")
    return "\n".join(lines)


def _digest_table(data: ReportData, width: int | None, paint) -> str:
    headers = [*DIGEST_HEADERS, "status"] if data.comparison else list(DIGEST_HEADERS)
    rows = [_digest_cells(row, data) for row in data.digest]
    if width and _natural_width(headers, rows) > width:
        fitted, fits = _fit(headers, rows, width, SHRINK_ALL)
        if not fits:
            drop = headers.index(OPTIONAL)
            headers = headers[:drop] + headers[drop + 1:]
            fitted, _ = _fit(headers, [r[:drop] + r[drop + 1:] for r in rows], width, SHRINK)
        rows = fitted
    for row in rows:
        row[0] = paint(row[0])
    from tabulate import tabulate  # only when a table is printed

    return tabulate(rows, headers=[paint(h, BOLD) for h in headers], tablefmt="simple", disable_numparse=True)


def _digest_cells(row: DigestRow, data: ReportData) -> list[str]:
    cells = [row.severity, row.code, one_line(row.event or "-"), one_line(row.path or "-"), str(row.count),
             str(row.first), one_line(row.message)]
    if data.comparison:
        cells.append(data.comparison.status(row))
    return cells


def _natural_width(headers: list[str], rows: list[list[str]]) -> int:
    widths = [max([len(h) + 2, *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    return sum(widths) + 2 * (len(widths) - 1)


def _fit(headers: list[str], rows: list[list[str]], width: int, shrink) -> tuple[list[list[str]], bool]:
    """Shorten columns in the order of ``shrink``, each down to its floor, until the table fits ``width``.

    tabulate makes a column at least two wider than its header; that is counted.
    Returns the rows and whether they fit.
    """
    widths = [max([len(h) + 2, *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    excess = _natural_width(headers, rows) - width
    for column, floor in shrink:
        i = headers.index(column)
        cut = max(0, min(excess, widths[i] - max(floor, len(column) + 2)))
        widths[i] -= cut
        excess -= cut
    return [[_truncate(cell, widths[i]) for i, cell in enumerate(r)] for r in rows], excess <= 0


def _truncate(cell: str, width: int) -> str:
    return cell if len(cell) <= width else cell[:max(width - 1, 0)] + "…"


def _kinds(data: ReportData, paint) -> str:
    rows = sorted(data.summary.by_kind.items(), key=lambda item: (-item[1], item[0]))
    from tabulate import tabulate

    return tabulate(rows, headers=[paint("kind", BOLD), paint("violations", BOLD)], tablefmt="simple")


def _summary(data: ReportData, paint) -> str:
    lines = [paint(data.headline(), BOLD)]
    totals = ", ".join(f"{name}: {n}" for name, n in data.summary.totals.items())
    if data.notes:  # the tool's own words for its counts
        lines += data.notes
    elif totals:
        lines.append(totals)
    if data.comparison:
        c = data.comparison
        lines.append(f"compared with before: {len(c.new)} new, {len(c.present)} still present, {len(c.fixed)} fixed")
    return "\n".join(lines)


def _painter(color: bool):
    def paint(text: str, code: str | None = None) -> str:
        code = code or COLOURS.get(text)
        return f"{code}{text}{RESET}" if color and code else text
    return paint
