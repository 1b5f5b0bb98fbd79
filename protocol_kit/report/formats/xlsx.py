"""``xlsx``: an Excel workbook with the sheets Summary, Digest, Violations and Events.

Written in openpyxl's write-only mode (rows stream to disk, memory stays flat).
Each sheet has a bold, frozen header row and an autofilter; severities are
coloured; each digest row links to its first violation on the Violations
sheet. A sheet holds at most Excel's 1,048,576 rows: beyond that the run is
capped and the Summary sheet says how many rows were left out.
"""
from __future__ import annotations

import io
import json
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from protocol_kit import codes
from protocol_kit.report.data import DigestRow, ReportData, digest_path
from protocol_kit.violation import Violation

EXCEL_ROWS = 1_048_576
BOLD = Font(bold=True)
LINK = Font(color="0563C1", underline="single")
FILLS = {"error": PatternFill("solid", fgColor="F8CBAD"), "warning": PatternFill("solid", fgColor="FFE699"),
         "info": PatternFill("solid", fgColor="BDD7EE")}
DIGEST = (("Severity", 10), ("Code", 9), ("Name", 28), ("Event", 26), ("Kind", 20), ("Path", 34),
          ("Count", 9), ("First seen", 30), ("Last seen", 30), ("Example message ids", 40), ("Message", 70))
VIOLATIONS = (("Severity", 10), ("Code", 9), ("Name", 28), ("Event", 26), ("Event type", 11), ("Kind", 20),
              ("Path", 34), ("Message", 70), ("Expected", 24), ("Actual", 24), ("Location", 34),
              ("Message id", 38))
EVENTS = (("Event", 30), ("Violations", 11), ("Errors", 9), ("Seen", 9), ("Invalid", 9))


def render(data: ReportData, *, max_rows: int = EXCEL_ROWS) -> bytes:
    workbook = Workbook(write_only=True)
    capacity = max_rows - 1  # below the header row
    violations, digest, events = data.violations[:capacity], data.digest[:capacity], data.events[:capacity]
    summary = _sheet(workbook, "Summary", (("Item", 28), ("Value", 80)), rows=None)
    for row in _summary_rows(data, _notes(data, len(violations), len(digest))):
        _append(summary, row)
    first_row = _first_rows(violations)
    sheet = _sheet(workbook, "Digest", DIGEST, rows=len(digest))
    for row in digest:
        _append(sheet, _digest_row(sheet, row, first_row))
    sheet = _sheet(workbook, "Violations", VIOLATIONS, rows=len(violations))
    for v in violations:
        _append(sheet, _violation_row(sheet, v))
    sheet = _sheet(workbook, "Events", EVENTS, rows=len(events))
    for e in events:
        _append(sheet, [e.event, e.violations, e.errors, e.seen, e.invalid])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet(workbook: Workbook, title: str, columns: Sequence[tuple[str, int]], *, rows: int | None):
    """A sheet with widths, a bold frozen header and (when ``rows`` is given) an autofilter over them."""
    sheet = workbook.create_sheet(title)
    for i, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    if rows is not None:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"
    sheet.append([_cell(sheet, name, font=BOLD) for name, _ in columns])
    return sheet


def _append(sheet, values: Sequence[Any]) -> None:
    sheet.append([_cell(sheet, value) if isinstance(value, str) and value.startswith("=") else _clean(value)
                  for value in values])


def _cell(sheet, value: Any, *, font: Font | None = None, fill: PatternFill | None = None) -> Cell:
    cell = WriteOnlyCell(sheet, value=_clean(value))
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it starts with "=": a payload value is never a formula
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    return cell


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
        yield from (["Baseline new", len(c.new)], ["Baseline still present", len(c.present)],
                    ["Baseline fixed", len(c.fixed)])
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


def _digest_row(sheet, row: DigestRow, first_row: dict[tuple, int]) -> list[Any]:
    target = first_row.get((row.event, row.code, row.path))
    code = _cell(sheet, row.code, font=LINK if target else None)
    if target:
        code.hyperlink = Hyperlink(ref="", location=f"'Violations'!A{target}", tooltip="first violation")
    return [_cell(sheet, row.severity, fill=FILLS.get(row.severity)), code, _name(row.code), row.event,
            row.kind, row.path, row.count, str(row.first), str(row.last), " ".join(row.message_ids), row.message]


def _violation_row(sheet, v: Violation) -> list[Any]:
    return [_cell(sheet, v.severity, fill=FILLS.get(v.severity)), v.code, v.name, v.event, v.event_type,
            v.kind, v.path, v.message, _plain(v.expected), _plain(v.actual), str(v.source), v.message_id]


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, int, float, bool)) else json.dumps(value, default=str)


def _clean(value: Any) -> Any:
    """Strings without the control characters that XML (and so xlsx) cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


def _name(code: str) -> str:
    return codes.CODES[code].name if code in codes.CODES else ""
