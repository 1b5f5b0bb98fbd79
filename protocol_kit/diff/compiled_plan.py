"""A compiled schemas folder read back into the plan model, so that ``diff`` takes it like any plan.

The compiler's output is read as the compiler writes it (``x-protocol-kit``
metadata, ``type`` with ``format``, ``x-pii``...). Two things a folder cannot
tell apart are kept as the schemas say: every event states whether it
accepts unplanned properties, and ``common.properties`` (or ``traits``) are
properties of each event.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from protocol_kit.compile.compiled import META_KEY, CompiledPlan, CompiledSchema
from protocol_kit.plan.model import PAYLOAD_FIELD, SCALAR_TYPES, Event, Plan, Property
from protocol_kit.violation import Location

_FORMAT_TYPES = {fmt: name for name, (kind, fmt) in SCALAR_TYPES.items() if fmt}
ENVELOPE_KEYS = ("type", "event")


def plan_from_compiled(compiled: CompiledPlan, folder: str | None = None) -> Plan:
    events = tuple(_event(s, folder) for s in compiled.schemas)
    common: tuple[Property, ...] = ()
    if compiled.schemas:
        first = compiled.schemas[0]
        where = _where(folder, first.file)
        field = PAYLOAD_FIELD[first.call]
        common = tuple(_property(name, spec, where) for name, spec in first.schema.get("properties", {}).items()
                       if name not in (*ENVELOPE_KEYS, field))
    return Plan(name=compiled.name, version=compiled.version, common=common, events=events, source=folder,
                key_locations={"plan": _where(folder, "index.json")})


def _event(compiled: CompiledSchema, folder: str | None) -> Event:
    meta = compiled.schema.get(META_KEY, {})
    where = _where(folder, compiled.file)
    own = compiled.schema.get("properties", {}).get(PAYLOAD_FIELD[compiled.call], {})
    return Event(name=compiled.event or compiled.call, call=compiled.call,
                 description=compiled.schema.get("description"), owner=meta.get("owner"),
                 status=meta.get("status", "active"), properties=_fields(own, where),
                 additional_properties=own.get("additionalProperties"), version=compiled.version, location=where)


def _fields(schema: dict[str, Any], where: Location) -> tuple[Property, ...]:
    required = set(schema.get("required", ()))
    return tuple(_property(name, spec, where, required=name in required)
                 for name, spec in schema.get("properties", {}).items())


def _property(name: str, schema: dict[str, Any], where: Location, *, required: bool = False) -> Property:
    kind, nullable = _type(schema)
    enum = schema.get("enum")
    if enum is not None and nullable:
        enum = [v for v in enum if v is not None]
    fmt = schema.get("format")
    if kind == "string" and fmt in _FORMAT_TYPES:
        kind, fmt = _FORMAT_TYPES[fmt], None
    is_object = kind == "object"
    return Property(
        name=name, type=kind, required=required, nullable=nullable, description=schema.get("description"),
        enum=None if enum is None else tuple(enum), pattern=schema.get("pattern"), format=fmt,
        minimum=schema.get("minimum"), maximum=schema.get("maximum"),
        min_length=schema.get("minLength"), max_length=schema.get("maxLength"),
        items=_property("items", schema["items"], where) if isinstance(schema.get("items"), dict) else None,
        properties=_fields(schema, where) if is_object else (),
        additional_properties=schema.get("additionalProperties") if is_object else None,
        pii=schema.get("x-pii"), examples=tuple(schema.get("examples", ())),
        deprecated=schema.get("deprecated", False), location=where)


def _type(schema: dict[str, Any]) -> tuple[str, bool]:
    written = schema.get("type")
    if written is None:
        return "any", False
    if isinstance(written, list):
        kinds = [k for k in written if k != "null"]
        return (kinds[0] if len(kinds) == 1 else "any"), "null" in written
    return written, False


def _where(folder: str | None, file: str) -> Location:
    return Location(file=str(PurePosixPath(folder) / file) if folder else file)


def compiled_view(plan: Plan) -> Plan:
    """``plan`` as a compiled folder shows it: ``common.properties``/``common.traits`` merged into each
    event's own fields (an event's own definition wins), so a plan file compares with a folder."""
    commons = {p.name: p for p in plan.common}
    if not any(field in commons for field in set(PAYLOAD_FIELD.values())):
        return plan
    events = []
    for event in plan.events:
        shared = commons.get(event.payload_field)
        own = {p.name for p in event.properties}
        extra = tuple(p for p in shared.properties if p.name not in own) if shared else ()
        events.append(replace(event, properties=(*event.properties, *extra)))
    common = tuple(p for p in plan.common if p.name not in set(PAYLOAD_FIELD.values()))
    return replace(plan, common=common, events=tuple(events))
