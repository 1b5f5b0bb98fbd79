"""Read an xlsx tracking plan: the ``Events`` (or ``Tracking Plan``) sheet and an optional ``Plan`` sheet.

Workbooks are bounded before they are opened: no part (a sheet, the shared
strings) may unpack to more than ``MAX_XLSX_PART_BYTES``; then no cell may
hold more than Excel's 32,767 characters, nor a sheet more than Excel's rows.
Rows are read to the end whatever the sheet's declared dimension says (a
tool that wrote the file may have left it stale).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from protocol_kit.errors import PlanError
from protocol_kit.limits import MAX_CELL_CHARS, MAX_SHEET_ROWS, MAX_XLSX_PART_BYTES
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.plan.tables import cells
from protocol_kit.plan.tables.columns import normal_header
from protocol_kit.plan.tables.rows import table_to_raw
from protocol_kit.plan.tables.table import Setting, table_from_rows
from protocol_kit.violation import Location

EVENTS_SHEETS = ("events", "trackingplan")
PLAN_SHEET = "plan"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the legacy .xls format


def read_xlsx_plan(path: Path) -> RawPlan:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    _refuse_other_formats(path)
    _refuse_huge_parts(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise PlanError(f"not a readable xlsx workbook: {error}", Location(file=str(path))) from None
    try:
        sheet = _events_sheet(workbook, str(path))
        table = table_from_rows(str(path), sheet.title, _bounded_rows(sheet, str(path)))
        settings = _settings(str(path), _sheet_named(workbook, (PLAN_SHEET,)))
    finally:
        workbook.close()
    return table_to_raw(table, settings=settings)


def _refuse_other_formats(path: Path) -> None:
    with path.open("rb") as stream:
        start = stream.read(512)
    if start.startswith(ZIP_MAGIC):
        return
    if start.startswith(OLE_MAGIC):
        problem = "it is a legacy .xls workbook; save it as .xlsx"
    elif start and b"\0" not in start:
        problem = "it is a text file; save it as .xlsx, or name it .csv if it holds comma-separated values"
    else:
        problem = "it is not a zip-based Office Open XML workbook"
    raise PlanError(f"not an xlsx workbook: {problem}", Location(file=str(path)))


def _refuse_huge_parts(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                if member.file_size > MAX_XLSX_PART_BYTES:
                    raise PlanError(f"not read: its part {member.filename} unpacks to {member.file_size:,} bytes, "
                                    f"more than the {MAX_XLSX_PART_BYTES:,} allowed", Location(file=str(path)))
    except zipfile.BadZipFile as error:
        raise PlanError(f"not a readable xlsx workbook: {error}", Location(file=str(path))) from None


def _bounded_rows(sheet, file: str, **options):
    """The sheet's rows, to its last row whatever its declared dimension, within Excel's limits."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    for number, row in enumerate(sheet.iter_rows(values_only=True, **options), start=1):
        if number > MAX_SHEET_ROWS:
            raise PlanError(f"more than {MAX_SHEET_ROWS:,} rows", Location(file=file, sheet=sheet.title))
        for column, value in enumerate(row, start=1):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise PlanError(f"the cell holds {len(value):,} characters, more than the {MAX_CELL_CHARS:,} "
                                "a cell can hold", Location(file=file, sheet=sheet.title, row=number, column=column))
        yield row


def _sheet_named(workbook, names: tuple[str, ...]):
    return next((s for s in workbook.worksheets if normal_header(s.title) in names), None)


def _events_sheet(workbook, file: str):
    """The first sheet named Events or Tracking Plan, else the first sheet that is not the Plan sheet."""
    found = _sheet_named(workbook, EVENTS_SHEETS)
    if found is None:
        found = next((s for s in workbook.worksheets if normal_header(s.title) != PLAN_SHEET), None)
    if found is None:
        raise PlanError("the workbook has no sheet of events (expected a sheet named Events)",
                        Location(file=file))
    return found


def _settings(file: str, sheet) -> list[Setting]:
    """Key/value rows; a first row reading Key/Setting is a header and skipped."""
    if sheet is None:
        return []
    found = []
    for number, values in enumerate(_bounded_rows(sheet, file, max_col=2), start=1):
        key, value = (tuple(values) + (None, None))[:2]
        if cells.is_empty(key) or (number == 1 and normal_header(cells.text(key)) in ("key", "setting")):
            continue
        if cells.is_empty(value):
            continue
        found.append(Setting(cells.text(key), value, Location(file=file, sheet=sheet.title, row=number, column=2)))
    return found
