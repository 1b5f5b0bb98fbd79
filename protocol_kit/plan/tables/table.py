"""What a spreadsheet reader hands on: the rows of one sheet, as written."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from protocol_kit.errors import PlanError
from protocol_kit.plan.tables import cells
from protocol_kit.violation import Location


@dataclass(frozen=True, slots=True)
class Table:
    """The header and data rows of one sheet (or csv file), with their row numbers as a spreadsheet shows them."""

    file: str
    sheet: str | None
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]

    def cell(self, row: int, column: int | None = None) -> Location:
        """The location of a cell (``column`` 0-based), or of the whole row."""
        return Location(file=self.file, sheet=self.sheet, row=row,
                        column=None if column is None else column + 1)


@dataclass(frozen=True, slots=True)
class Setting:
    """One key/value row of a ``Plan`` sheet: plan name, version, conventions."""

    key: str
    value: Any
    location: Location


def table_from_rows(file: str, sheet: str | None, rows: Iterable[Sequence[Any]]) -> Table:
    """The first non-empty row is the header; row numbers count from 1 as a spreadsheet shows them."""
    numbered = [(number, tuple(values)) for number, values in enumerate(rows, start=1)]
    for position, (number, values) in enumerate(numbered):
        if any(not cells.is_empty(v) for v in values):
            headers = tuple("" if cells.is_empty(v) else cells.text(v) for v in values)
            return Table(file=file, sheet=sheet, header_row=number, headers=headers,
                         rows=tuple(numbered[position + 1:]))
    where = f"sheet '{sheet}'" if sheet else "the file"
    raise PlanError(f"{where} is empty: expected a header row with Event, Property, Type... and one row per property",
                    Location(file=file, sheet=sheet))
