"""``html``: one self-contained page: summary, bar charts, a sortable and filterable digest, the details.

No network: CSS, JavaScript and the SVG charts are inline, and a Content
Security Policy forbids loading anything else. Every value is escaped
(payload values may hold markup such as ``<script>``).
"""
from __future__ import annotations

import json
from html import escape
from importlib import resources
from typing import Iterable

from protocol_kit import codes
from protocol_kit.report.data import ReportData, Table

MAX_DETAILS = 2000
MAX_BARS = 12
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def render(data: ReportData) -> str:
    assets = resources.files("protocol_kit.report.formats")
    title = escape(data.headline())
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>", "<style>", assets.joinpath("report.css").read_text("utf-8"), "</style>",
        "</head>", "<body>", f"<h1>{title}</h1>", _summary(data), _charts(data), _digest(data), *map(_table, data.tables), _codes(data), _details(data),
        "<script>", assets.joinpath("report.js").read_text("utf-8"), "</script>", "</body>", "</html>", "",
    ])


def _summary(data: ReportData) -> str:
    counts = [*data.summary.totals.items(), ("violations", data.summary.violations),
              *data.summary.by_severity.items()]
    if data.comparison:
        c = data.comparison
        counts += [("new", len(c.new)), ("still present", len(c.present)), ("fixed", len(c.fixed))]
    tiles = "".join(f'<div class="tile"><b>{n}</b><span>{escape(name)}</span></div>' for name, n in counts)
    meta = "".join(f"<dt>{escape(k.replace('_', ' '))}</dt><dd>{escape(', '.join(v) if isinstance(v, list) else str(v))}</dd>"
                   for k, v in data.meta().items() if v)
    notes = "".join(f"<p>{escape(note)}</p>" for note in data.notes)
    return f'<section id="summary"><div class="tiles">{tiles}</div><dl>{meta}</dl>{notes}</section>'


def _charts(data: ReportData) -> str:
    by_event = [(e.event or "(no event)", e.violations) for e in data.events]
    return ('<section id="charts">' + _bars("Violations by kind", data.summary.by_kind.items())
            + _bars("Violations by event", by_event) + "</section>")


def _codes(data: ReportData) -> str:
    """What each code of the run means, why it matters and how to fix it, from the code table."""
    entries = [codes.get(code) for code in sorted(data.summary.by_code)]
    if not entries:
        return ""
    items = "".join(f'<dt id="code-{escape(e.code)}">{escape(e.code)} <code>{escape(e.name)}</code></dt>'
                    f"<dd>{escape(e.summary)} <b>Why it matters.</b> {escape(e.why)} "
                    f"<b>How to fix.</b> {escape(e.fix)}</dd>" for e in entries)
    return f'<section id="codes"><h2>Codes</h2><dl>{items}</dl></section>'


def _bars(title: str, items: Iterable[tuple[str, int]]) -> str:
    items = sorted(items, key=lambda item: (-item[1], item[0]))[:MAX_BARS]
    if not items:
        return ""
    top, row, label, width = max(n for _, n in items) or 1, 22, 190, 260
    bars = []
    for i, (name, n) in enumerate(items):
        y, w = i * row, max(1, round(width * n / top))
        bars.append(f'<text x="{label - 6}" y="{y + 15}" text-anchor="end">{escape(_short(name, 28))}</text>'
                    f'<rect x="{label}" y="{y + 3}" width="{w}" height="{row - 6}"><title>{escape(name)}: {n}</title></rect>'
                    f'<text x="{label + w + 4}" y="{y + 15}">{n}</text>')
    height = row * len(items)
    return (f'<figure><figcaption>{escape(title)}</figcaption><svg role="img" aria-label="{escape(title)}" '
            f'width="{label + width + 60}" height="{height}" viewBox="0 0 {label + width + 60} {height}">'
            + "".join(bars) + "</svg></figure>")


def _digest(data: ReportData) -> str:
    status = data.comparison is not None
    heads = [("severity", "text"), ("code", "text"), ("event", "text"), ("kind", "text"), ("path", "text"),
             ("count", "num"), ("first seen", "text"), ("message", "text"), *([("status", "text")] if status else [])]
    head = "".join(f'<th data-type="{t}" tabindex="0">{escape(h)}</th>' for h, t in heads)
    rows = []
    for row in data.digest:
        cells = [f'<td class="sev {escape(row.severity)}">{escape(row.severity)}</td>',
                 f'<td><a href="#code-{escape(row.code)}" title="{escape(codes.get(row.code).summary)}">'
                 f'{escape(row.code)}</a></td>',
                 f"<td>{escape(row.event or '-')}</td>", f"<td>{escape(row.kind)}</td>",
                 f"<td><code>{escape(row.path or '-')}</code></td>", f'<td class="num">{row.count}</td>',
                 f"<td>{escape(str(row.first))}</td>", f"<td>{escape(row.message)}</td>"]
        if status:
            cells.append(f"<td>{escape(data.comparison.status(row))}</td>")
        rows.append(f'<tr data-severity="{escape(row.severity)}">{"".join(cells)}</tr>')
    options = "".join(f'<option value="{escape(s)}">{escape(s)}</option>' for s in data.summary.by_severity)
    return ('<section id="digest"><h2>Digest</h2><div class="filters">'
            '<input id="filter" type="search" placeholder="Filter rows (event, code, path, message)">'
            f'<select id="severity"><option value="">all severities</option>{options}</select>'
            '<span id="shown"></span></div>'
            f'<table id="digest-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


def _table(table: Table) -> str:
    """A tool's own table (inference: one row per event property)."""
    head = "".join(f"<th>{escape(column)}</th>" for column in table.columns)
    rows = "".join("<tr>" + "".join(f"<td>{escape(_value(cell))}</td>" for cell in row) + "</tr>"
                   for row in table.rows[:MAX_DETAILS])
    left = len(table.rows) - min(len(table.rows), MAX_DETAILS)
    note = f"<p>{left} more rows are not listed here.</p>" if left else ""
    return (f'<section class="table"><h2>{escape(table.title)}</h2><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>{note}</section>")


def _details(data: ReportData) -> str:
    shown = data.violations[:MAX_DETAILS]
    left = len(data.violations) - len(shown) + data.violations_omitted
    rows = "".join(
        f'<tr><td class="sev {escape(v.severity)}">{escape(v.severity)}</td><td>{escape(v.code)}</td>'
        f"<td>{escape(v.event or '-')}</td><td><code>{escape(v.path or '-')}</code></td><td>{escape(v.message)}</td>"
        f"<td>{escape(_value(v.expected))}</td><td>{escape(_value(v.actual))}</td><td>{escape(str(v.source))}</td>"
        f"<td>{escape(v.message_id or '')}</td></tr>" for v in shown)
    note = f"<p>{left} more violations are not listed here; the summary and digest count all of them.</p>" if left else ""
    return ('<section id="details"><details><summary>Violations '
            f"({len(shown)} listed)</summary><table><thead><tr><th>severity</th><th>code</th><th>event</th>"
            "<th>path</th><th>message</th><th>expected</th><th>actual</th><th>location</th><th>message id</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>{note}</details></section>")


def _value(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
