"""``xlsx``: an Excel workbook with the sheets Summary, Digest, Violations and Events (and the tool's own tables).

Each sheet has a bold, frozen header row, an autofilter and set column
widths; severities are coloured; each digest row's code links to its first
violation on the Violations sheet. A sheet holds at most Excel's 1,048,576
rows: beyond that the sheet is capped and the Summary sheet says how many
rows were left out. Written by :mod:`protocol_kit.report.xlsx_writer`.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Sequence

from protocol_kit import codes
from protocol_kit.report.data import DigestRow, ReportData, Table, digest_path
from protocol_kit.report.xlsx_writer import MAX_ROWS, STYLES, Link, Sheet, Styled, write_workbook
from protocol_kit.violation import Violation

DIGEST = (("Severity", 10), ("Code", 9), ("Name", 28), ("Event", 26), ("Kind", 20), ("Path", 34),
          ("Count", 9), ("First seen", 30), ("Last seen", 30), ("Example message ids", 40), ("Message", 70))
VIOLATIONS = (("Severity", 10), ("Code", 9), ("Name", 28), ("Event", 26), ("Event type", 11), ("Kind", 20),
              ("Path", 34), ("Message", 70), ("Expected", 24), ("Actual", 24), ("Location", 34),
              ("Message id", 38))
EVENTS = (("Event", 30), ("Violations", 11), ("Errors", 9), ("Seen", 9), ("Invalid", 9))


def render(data: ReportData, *, max_rows: int = MAX_ROWS) -> bytes:
    capacity = max_rows - 1  # below the header row
    violations, digest, events = data.violations[:capacity], data.digest[:capacity], data.events[:capacity]
    first_row = _first_rows(violations)
    return write_workbook([
        Sheet("Summary", (("Item", 28), ("Value", 80)),
              _summary_rows(data, _notes(data, len(violations), len(digest))), autofilter=False),
        Sheet("Digest", DIGEST, (_digest_row(row, first_row) for row in digest)),
        Sheet("Violations", VIOLATIONS, (_violation_row(v) for v in violations)),
        Sheet("Events", EVENTS, ([e.event, e.violations, e.errors, e.seen, e.invalid] for e in events)),
        *(_table_sheet(table, capacity) for table in data.tables),
    ])


def _table_sheet(table: Table, capacity: int) -> Sheet:
    """A tool's own table as a sheet named by its title (Excel allows 31 characters)."""
    widths = tuple((column, max(10, min(40, len(column) + 4))) for column in table.columns)
    return Sheet(table.title[:31], widths, (list(map(_plain, row)) for row in table.rows[:capacity]))


def _summary_rows(data: ReportData, notes: list[str]) -> Iterable[list[Any]]:
    yield ["Report", data.headline()]
    for key, value in data.meta().items():
        yield [key.replace("_", " ").capitalize(), ", ".join(value) if isinstance(value, list) else value]
    yield from ([name.capitalize(), n] for name, n in data.summary.totals.items())
    yield ["Violations", data.summary.violations]
    yield from ([f"Severity {name}", n] for name, n in data.summary.by_severity.items())
    yield from ([f"Kind {name}", n] for name, n in data.summary.by_kind.items())
    if data.comparison:
        c = data.comparison
        yield from (["New", len(c.new)], ["Still present", len(c.present)], ["Fixed", len(c.fixed)])
    yield from (["Note", note] for note in (*data.notes, *notes))


def _notes(data: ReportData, violations: int, digest: int) -> list[str]:
    notes = []
    left_out = data.violations_omitted + len(data.violations) - violations
    if left_out:
        notes.append(f"{left_out} violations are not listed on the Violations sheet (it lists "
                     f"{violations}); the Summary and Digest count all of them.")
    if digest < len(data.digest):
        notes.append(f"{len(data.digest) - digest} digest rows did not fit on the Digest sheet.")
    return notes


def _first_rows(violations: Sequence[Violation]) -> dict[tuple, int]:
    """Digest key -> row number of its first violation on the Violations sheet."""
    first: dict[tuple, int] = {}
    for number, v in enumerate(violations, start=2):
        first.setdefault((v.event or v.event_type, v.code, digest_path(v.path)), number)
    return first


def _digest_row(row: DigestRow, first_row: dict[tuple, int]) -> list[Any]:
    target = first_row.get((row.event, row.code, row.path))
    code = Link(row.code, f"'Violations'!A{target}", "first violation") if target else row.code
    return [_severity(row.severity), code, _name(row.code), row.event, row.kind, row.path, row.count,
            str(row.first), str(row.last), " ".join(row.message_ids), row.message]


def _violation_row(v: Violation) -> list[Any]:
    return [_severity(v.severity), v.code, _name(v.code), v.event, v.event_type, v.kind, v.path,
            v.message, _plain(v.expected), _plain(v.actual), str(v.source), v.message_id]


def _severity(severity: str) -> Styled | str:
    return Styled(severity, severity) if severity in STYLES else severity


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, int, float, bool)) else json.dumps(value, default=str)


def _name(code: str) -> str:
    return codes.CODES[code].name if code in codes.CODES else ""
