"""Turn the rows of a spreadsheet plan into raw plan data in the YAML format's shape.

Every reader (xlsx, csv) produces a :class:`~protocol_kit.plan.tables.table.Table`;
this module is the one place that knows what the rows mean, so every
spreadsheet plan reaches the shared builder, format check and lint.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Callable, Iterable

from protocol_kit import pointer
from protocol_kit.errors import PlanError
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.plan.tables import cells
from protocol_kit.plan.tables.columns import BY_KEY, match_headers
from protocol_kit.plan.tables.settings import apply_settings
from protocol_kit.plan.tables.table import Setting, Table
from protocol_kit.spec import SECTION_FIELDS
from protocol_kit.violation import Location, Violation

COMMON = "common"
ARRAY = "[]"
SEGMENT = re.compile(r"\s*([^\[\].]+?)\s*((?:\[\])*)")  # a name, then [] once per array level
EVENT_CELLS = {"event_description": "description", "owner": "owner", "status": "status"}
PROPERTY_CELLS: dict[str, Callable[[Any, str | None], Any]] = {
    "type": lambda v, _: cells.text(v).lower(),
    "required": lambda v, _: cells.flag(v),
    "nullable": lambda v, _: cells.flag(v),
    "description": lambda v, _: cells.text(v),
    "enum": cells.value_list,
    "pattern": lambda v, _: str(v),
    "format": lambda v, _: cells.text(v),
    "minimum": lambda v, _: cells.number(v),
    "maximum": lambda v, _: cells.number(v),
    "min_length": lambda v, _: cells.whole_number(v),
    "max_length": lambda v, _: cells.whole_number(v),
    "pii": lambda v, _: cells.pii(v),
    "examples": cells.value_list,
    "deprecated": lambda v, _: cells.flag(v),
    "additional_properties": lambda v, _: cells.flag(v),
    "json_schema": cells.json_object,
}
EVENT_OBJECT_CELLS = {"labels": "labels", "event_json_schema": "json_schema"}  # JSON objects


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    values: dict[str, Any]  # column key -> non-empty cell value
    columns: dict[str, int]  # column key -> 0-based position

    def text(self, key: str) -> str:
        return cells.text(self.values[key]) if key in self.values else ""


def table_to_raw(table: Table, *, settings: Iterable[Setting] = ()) -> RawPlan:
    """Raw plan data for the rows of ``table``; ``settings`` come from a ``Plan`` sheet."""
    positions, findings = match_headers(list(table.headers), where=table.cell(table.header_row))
    raw = RawPlan(data={"plan": PurePath(table.file).stem}, file=table.file, findings=findings)
    raw.locations[("plan",)] = Location(file=table.file)
    apply_settings(raw, settings)
    own_rows: dict[KeyPath, int] = {}
    for number, values in table.rows:
        present = {key: values[pos] for key, pos in positions.items()
                   if pos < len(values) and not cells.is_empty(values[pos])}
        if present:
            _add_row(raw, table, Row(number, present, positions), own_rows)
    _unwrap_common(raw, own_rows)
    return raw


def _add_row(raw: RawPlan, table: Table, row: Row, own_rows: dict[KeyPath, int]) -> None:
    event, prop = row.text("event"), row.text("property")
    if not event:
        what = f"property '{prop}'" if prop else "values"
        raise PlanError(f"empty event name on a row with {what}: every row needs an event",
                        table.cell(row.number, row.columns["event"]))
    section, path, fields_key = _section(raw, table, row, event)
    if event != COMMON:
        _event_cells(raw, table, row, section, path, event, has_property=bool(prop))
    if prop:
        fields, fields_path = section, path
        if fields_key:
            fields, fields_path = section.setdefault(fields_key, {}), (*path, fields_key)
            _remember(raw, fields_path, table, row, "property")
        _property_row(raw, table, row, fields, fields_path, prop, own_rows)
    elif event == COMMON:
        raise PlanError("a 'common' row needs a property: the envelope field it describes, such as context.locale",
                        table.cell(row.number, row.columns["event"]))


def _section(raw: RawPlan, table: Table, row: Row, event: str) -> tuple[dict, KeyPath, str]:
    """The mapping a row adds to, its key path, and the key holding its fields."""
    if event in SECTION_FIELDS:
        path, fields_key = (event,), SECTION_FIELDS[event]
        section = raw.data.setdefault(event, {})
    elif event == COMMON:
        return raw.data.setdefault(COMMON, {}), (COMMON,), ""
    else:
        path, fields_key = ("events", event), "properties"
        section = raw.data.setdefault("events", {}).setdefault(event, {})
    _remember(raw, path, table, row, "event")
    if "version" in row.values:
        if event in SECTION_FIELDS or event == COMMON:
            raise PlanError(f"Version applies to track events, not to '{event}' rows",
                            table.cell(row.number, row.columns["version"]))
        version = row.text("version")
        path = (*path, "versions", version)
        section = section.setdefault("versions", {}).setdefault(version, {})
        _remember(raw, path, table, row, "version")
    return section, path, fields_key


def _event_cells(raw: RawPlan, table: Table, row: Row, section: dict, path: KeyPath,
                 event: str, *, has_property: bool) -> None:
    for column, key in EVENT_CELLS.items():
        if column not in row.values:
            continue
        value = row.text(column).lower() if key == "status" else row.text(column)
        first = raw.locations.get((*path, key))
        if key in section and section[key] != value:
            raise PlanError(f"{BY_KEY[column].header} of event '{event}' differs from row {first.row}: "
                            f"'{value}' here, '{section[key]}' there", table.cell(row.number, row.columns[column]))
        section[key] = value
        _remember(raw, (*path, key), table, row, column)
    for column, key in EVENT_OBJECT_CELLS.items():
        if column in row.values:
            try:
                value = cells.json_object(row.values[column])
            except ValueError as error:
                raise PlanError(f"{BY_KEY[column].header}: {error}",
                                table.cell(row.number, row.columns[column])) from None
            if key in section and section[key] != value:
                raise PlanError(f"{BY_KEY[column].header} of event '{event}' differs from row "
                                f"{raw.locations[(*path, key)].row}", table.cell(row.number, row.columns[column]))
            section[key] = value
            _remember(raw, (*path, key), table, row, column)
    if not has_property and "additional_properties" in row.values:
        section["additional_properties"] = _cell(table, row, "additional_properties")
        _remember(raw, (*path, "additional_properties"), table, row, "additional_properties")


def _property_row(raw: RawPlan, table: Table, row: Row, fields: dict, path: KeyPath,
                  written: str, own_rows: dict[KeyPath, int]) -> None:
    where = table.cell(row.number, row.columns["property"])
    segments = [SEGMENT.fullmatch(part) for part in written.split(".")]
    if not all(segments):
        raise PlanError(f"property path '{written}' has an empty part; write paths such as "
                        "products[].product_id or address.city", where)
    spec: dict = {}
    for depth, segment in enumerate(segments):
        name, arrays = segment.group(1), segment.group(2)
        if depth:
            fields = spec.setdefault("properties", {})
            path = (*path, "properties")
        spec, path = fields.setdefault(name, {}), (*path, name)
        _remember(raw, path, table, row, "property")
        for _ in range(arrays.count(ARRAY)):  # matrix[][] is an array of arrays
            spec, path = spec.setdefault("items", {}), (*path, "items")
            _remember(raw, path, table, row, "property")
    if path in own_rows:
        raw.findings.append(Violation.of(
            "PL001", f"property '{written}' of event '{row.text('event')}' is defined again "
                     f"(first at row {own_rows[path]}); this row's cells replace the first row's",
            path=pointer.join(path), source=where))
    own_rows[path] = row.number
    if segments[-1].group(2) and "required" in row.values:
        raise PlanError(f"Required applies to the array, not to its elements: write it on a row for "
                        f"'{written.removesuffix(ARRAY)}'", table.cell(row.number, row.columns["required"]))
    _fill(raw, table, row, spec, path)


def _fill(raw: RawPlan, table: Table, row: Row, spec: dict, path: KeyPath) -> None:
    for key in PROPERTY_CELLS:
        if key in row.values:
            spec[key] = _cell(table, row, key, kind=row.text("type").lower() or None)
            raw.locations[(*path, key)] = table.cell(row.number, row.columns[key])


def _cell(table: Table, row: Row, key: str, *, kind: str | None = None) -> Any:
    try:
        return PROPERTY_CELLS[key](row.values[key], kind)
    except ValueError as error:
        raise PlanError(f"{BY_KEY[key].header}: {error}",
                        table.cell(row.number, row.columns[key])) from None


def _remember(raw: RawPlan, path: KeyPath, table: Table, row: Row, column: str) -> None:
    """The first row that mentions a key is where the key was written."""
    raw.locations.setdefault(path, table.cell(row.number, row.columns[column]))


def _unwrap_common(raw: RawPlan, own_rows: dict[KeyPath, int]) -> None:
    """An envelope field without a row of its own is the plain mapping of its properties (the YAML short form)."""
    for name, spec in (raw.data.get(COMMON) or {}).items():
        path = (COMMON, name)
        if path in own_rows:
            if spec.get("type") != "object":
                raise PlanError(f"envelope field '{name}' must have type object (or no row of its own)",
                                raw.location((*path, "type")))
            continue
        raw.data[COMMON][name] = spec.get("properties", {})
        inner = (*path, "properties")
        for key in [k for k in raw.locations if k[:3] == inner]:
            raw.locations[(*path, *key[3:])] = raw.locations.pop(key)
