"""A plan as an xlsx data dictionary: an ``Events`` sheet (one row per property) and a ``Plan`` sheet."""
from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

from protocol_kit.outputs import SafeOutput
from protocol_kit.plan.export.rows import plan_rows, plan_settings, used_columns
from protocol_kit.plan.model import Plan
from protocol_kit.plan.tables.columns import BY_KEY

MAX_WIDTH = 60
# Workbook dates and zip entry times are fixed, so exporting one plan twice gives the same bytes.
FIXED_TIME = datetime(2000, 1, 1)


def write_xlsx(plan: Plan, path: Path) -> list[Path]:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.created = FIXED_TIME
    events = workbook.active
    events.title = "Events"
    rows = plan_rows(plan)
    columns = used_columns(rows)
    _table(events, [BY_KEY[key].header for key in columns],
           [[row.get(key) for key in columns] for row in rows])
    _table(workbook.create_sheet("Plan"), ["Key", "Value"], [list(pair) for pair in plan_settings(plan)])
    _save(workbook, path)
    return [path]


class _FixedTimeZip(zipfile.ZipFile):
    def writestr(self, name, data, *args, **kwargs):
        if isinstance(name, str):
            name = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            name.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(name, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):  # worksheets arrive as temporary files
        self.writestr(arcname or str(filename), Path(filename).read_bytes())


def _save(workbook, path: Path) -> None:
    """``Workbook.save`` without its two clocks (the modified date and the zip entry times)."""
    from openpyxl.writer.excel import ExcelWriter

    workbook.properties.modified = FIXED_TIME
    with SafeOutput(path) as output:  # written whole or not at all
        ExcelWriter(workbook, _FixedTimeZip(output, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()


def _table(sheet, headers: list[str], rows: list[list]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if cell.data_type == "f":  # text starting with '=' is text, not a formula
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column in sheet.columns:
        width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(width + 2, MAX_WIDTH)
        if width > MAX_WIDTH:
            for cell in column[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
