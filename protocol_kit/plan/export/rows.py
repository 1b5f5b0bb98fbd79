"""A plan as spreadsheet rows: one row per property, nested properties by path (``products[].price``)."""
from __future__ import annotations

import json
from typing import Any, Iterator

from protocol_kit.errors import InputError
from protocol_kit.plan.model import ANY_TYPE, SCALAR_TYPES, Event, Plan, Property

CALL_ROWS = ("identify", "group", "page", "screen")  # Event column values that name the plan's calls
from protocol_kit.plan.tables.columns import COLUMNS, STANDARD_COLUMNS

Cells = dict[str, Any]  # column key -> value


def plan_rows(plan: Plan) -> list[Cells]:
    """Every row of the plan's Events sheet: envelope fields (event ``common``), then each event and call."""
    reserved = [e.name for e in plan.track_events if e.name in (*CALL_ROWS, "common")]
    if reserved:
        raise InputError(f"track event '{reserved[0]}' cannot be written as a spreadsheet row: in the Event "
                         "column that name stands for the call (or the common fields); rename the event")
    rows = [{"event": "common", **row} for prop in plan.common for row in _common_rows(prop)]
    for event in plan.events:
        rows.extend(_event_rows(event))
    return rows


def used_columns(rows: list[Cells]) -> list[str]:
    """The standard columns, and each optional column some row has a value for."""
    standard = [c.key for c in STANDARD_COLUMNS]
    return standard + [c.key for c in COLUMNS if c.key not in standard and any(c.key in row for row in rows)]


def plan_settings(plan: Plan) -> list[tuple[str, Any]]:
    """The key/value rows of the Plan sheet."""
    settings = [("plan", plan.name), ("version", plan.version), ("description", plan.description),
                ("event_names", plan.conventions.event_names),
                ("property_names", plan.conventions.property_names),
                ("additional_properties", _flag(plan.additional_properties))]
    return [(key, value) for key, value in settings if value is not None]


def _event_rows(event: Event) -> Iterator[Cells]:
    shared: Cells = {"event": event.name, "event_description": event.description, "owner": event.owner,
                     "labels": json.dumps(dict(event.labels), ensure_ascii=False) if event.labels else None,
                     "event_json_schema": event.json_schema}
    if event.call == "track":
        shared["status"] = event.status
        shared["version"] = event.version
    shared = _present(shared)
    if not event.properties or event.additional_properties is not None:
        yield {**shared, **_present({"additional_properties": _flag(event.additional_properties)})}
    for prop in event.properties:
        for row in _property_rows(prop, prop.name):
            yield {**shared, **row}


def _common_rows(prop: Property) -> Iterator[Cells]:
    """An open object of envelope fields without other settings is written as its fields only."""
    short = Property(name=prop.name, type="object", properties=prop.properties, additional_properties=True)
    if prop.properties and prop == short:
        for child in prop.properties:
            yield from _property_rows(child, f"{prop.name}.{child.name}")
    else:
        yield from _property_rows(prop, prop.name)


def _property_rows(prop: Property, path: str, *, implied: bool = False) -> Iterator[Cells]:
    """The property's row (unless ``implied`` by its children's paths), then its elements' and children's."""
    if not implied:
        yield {"property": path, **_cells(prop)}
    items = prop.items
    if items is not None and not _is_short_array(prop):
        plain_objects = items.type == "object" and bool(items.properties) and _cells(items) == {"type": "object"}
        yield from _property_rows(items, f"{path}[]", implied=plain_objects)
    for child in prop.properties:
        yield from _property_rows(child, f"{path}.{child.name}")


def _is_short_array(prop: Property) -> bool:
    """An array of a scalar type with nothing else said about its elements: ``string[]``."""
    items = prop.items
    return items is not None and items.type in SCALAR_TYPES and items == Property(name="items", type=items.type)


def _cells(prop: Property) -> Cells:
    kind = f"{prop.items.type}[]" if _is_short_array(prop) else prop.type
    return _present({
        "type": None if kind == ANY_TYPE else kind,
        "required": "yes" if prop.required else None,
        "enum": _values(prop.enum),
        "description": prop.description,
        "pii": _flag(prop.pii) if isinstance(prop.pii, bool) else prop.pii,
        "pattern": prop.pattern,
        "minimum": prop.minimum,
        "maximum": prop.maximum,
        "nullable": "yes" if prop.nullable else None,
        "min_length": prop.min_length,
        "max_length": prop.max_length,
        "format": prop.format,
        "examples": _values(prop.examples or None),
        "deprecated": "yes" if prop.deprecated else None,
        "additional_properties": _flag(prop.additional_properties),
        "json_schema": prop.json_schema,
    })


def _values(values: tuple[Any, ...] | None) -> str | None:
    if values is None:
        return None
    written = [("true" if v else "false") if isinstance(v, bool) else str(v) for v in values]
    if len(written) == 1 and "," in written[0]:
        return written[0] + " |"  # a lone value with a comma: the pipe says "split on pipes"
    return ("\n" if any("|" in w for w in written) else " | ").join(written)


def _flag(value: bool | None) -> str | None:
    return None if value is None else "yes" if value else "no"


def _present(cells: Cells) -> Cells:
    return {key: value for key, value in cells.items() if value is not None}

