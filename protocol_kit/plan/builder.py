"""Turn raw plan data (from any format) into the immutable plan model."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from protocol_kit.errors import PlanError
from protocol_kit.plan.format import check_plan_format
from protocol_kit.plan.model import (
    ANY_TYPE, PLAN_TYPES, SCALAR_TYPES, Conventions, Event, Plan, Property, version_order, raw_schema_text,
)
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.spec import SECTION_FIELDS
from protocol_kit.suggest import did_you_mean

ARRAY_SUFFIX = "[]"


def build_plan(raw: RawPlan) -> Plan:
    check_plan_format(raw)
    data = raw.data
    defaults = data.get("defaults") or {}
    conventions = data.get("conventions") or {}
    events = [event for name, spec in (data.get("events") or {}).items()
              for event in _track_events(raw, name, spec, ("events", name))]
    for call, field in SECTION_FIELDS.items():
        if call in data:
            events.append(_event(raw, call, data[call], (call,), call=call, field=field))
    return Plan(
        name=data["plan"],
        version=None if data.get("version") is None else str(data["version"]),
        description=data.get("description"),
        conventions=Conventions(**conventions),
        additional_properties=defaults.get("additional_properties", False),
        common=tuple(_envelope_field(raw, name, spec) for name, spec in (data.get("common") or {}).items()),
        events=tuple(events),
        source=raw.file,
        findings=tuple(raw.findings),
        key_locations={str(key): raw.locations[(key,)] for key in data if (key,) in raw.locations},
    )


def _track_events(raw: RawPlan, name: str, spec: dict | None, path: KeyPath) -> list[Event]:
    """One event, or one per version (oldest first) of an event planned with ``versions:``."""
    spec = spec or {}
    versions = spec.get("versions")
    if versions is None:
        return [_event(raw, name, spec, path)]
    if "properties" in spec or "additional_properties" in spec:
        raise PlanError(f"event '{name}' has versions: its properties belong in each version "
                        "(events: {name: {versions: {1: {properties: ...}}}})", raw.location((*path, "versions")))
    if not versions:
        raise PlanError(f"event '{name}' has an empty `versions:` mapping", raw.location((*path, "versions")))
    shared = {key: spec[key] for key in ("description", "owner", "status") if key in spec}
    return [replace(_event(raw, name, {**shared, **(versions[key] or {})}, (*path, "versions", key)),
                    version=str(key))
            for key in sorted(versions, key=lambda k: version_order(str(k)))]


def _event(raw: RawPlan, name: str, spec: dict | None, path: KeyPath,
           call: str = "track", field: str = "properties") -> Event:
    spec = spec or {}
    if not str(name).strip():
        raise PlanError("empty event name: every event needs a name", raw.location(path))
    return Event(
        name=str(name),
        call=call,
        description=spec.get("description"),
        owner=spec.get("owner"),
        status=spec.get("status", "active"),
        properties=_fields(raw, spec.get(field), (*path, field)),
        additional_properties=spec.get("additional_properties"),
        labels=tuple(sorted((str(k), str(v)) for k, v in (spec.get("labels") or {}).items())),
        json_schema=raw_schema_text(spec.get("json_schema")),
        location=raw.location(path),
    )


def _envelope_field(raw: RawPlan, name: str, spec: dict | None) -> Property:
    """A common field is a full object spec (``type: object``) or just a mapping of its properties."""
    path = ("common", name)
    if isinstance(spec, dict) and spec.get("type") == "object":
        return _property(raw, name, spec, path)
    return Property(name=name, type="object", properties=_fields(raw, spec, path),
                    additional_properties=True, location=raw.location(path))


def _fields(raw: RawPlan, fields: dict | None, path: KeyPath) -> tuple[Property, ...]:
    return tuple(_property(raw, str(name), spec, (*path, name)) for name, spec in (fields or {}).items())


def _property(raw: RawPlan, name: str, spec: Any, path: KeyPath) -> Property:
    if not name.strip():
        raise PlanError("empty property name", raw.location(path))
    if isinstance(spec, str):
        spec = {"type": spec}
    spec = spec or {}
    kind, items = _type(raw, spec, path)
    return Property(
        name=name,
        type=kind,
        required=spec.get("required", False),
        nullable=spec.get("nullable", False),
        description=spec.get("description"),
        enum=tuple(_number(v) for v in spec["enum"]) if "enum" in spec else None,
        pattern=spec.get("pattern"),
        format=spec.get("format"),
        minimum=_number(spec.get("minimum")),
        maximum=_number(spec.get("maximum")),
        min_length=spec.get("min_length"),
        max_length=spec.get("max_length"),
        items=items,
        properties=_fields(raw, spec.get("properties"), (*path, "properties")),
        additional_properties=spec.get("additional_properties"),
        pii=spec.get("pii"),
        examples=tuple(spec.get("examples") or ()),
        deprecated=spec.get("deprecated", False),
        json_schema=raw_schema_text(spec.get("json_schema")),
        location=raw.location(path),
    )


def _type(raw: RawPlan, spec: dict, path: KeyPath) -> tuple[str, Property | None]:
    """The canonical type, and the items of an array (``string[]`` is an array of strings)."""
    written = spec.get("type")
    if written is None:
        inferred = "object" if spec.get("properties") else "array" if spec.get("items") else ANY_TYPE
        return inferred, _items(raw, spec, path)
    written = str(written).strip()
    if written.endswith(ARRAY_SUFFIX):
        element = written[: -len(ARRAY_SUFFIX)].strip()
        _require_known(raw, element, (*path, "type"), scalar_only=True)
        return "array", Property(name="items", type=element, location=raw.location((*path, "type")))
    _require_known(raw, written, (*path, "type"))
    return written, _items(raw, spec, path)


def _items(raw: RawPlan, spec: dict, path: KeyPath) -> Property | None:
    if spec.get("items") is None:
        return None
    return _property(raw, "items", spec["items"], (*path, "items"))


def _require_known(raw: RawPlan, kind: str, path: KeyPath, scalar_only: bool = False) -> None:
    known = tuple(SCALAR_TYPES) if scalar_only else PLAN_TYPES
    if kind in known:
        return
    hint = did_you_mean(kind.lower(), known, cutoff=0.5)
    what = "array element type" if scalar_only else "type"
    raise PlanError(f"unknown {what} '{kind}'{hint}; expected one of: {', '.join(known)}"
                    + ("" if scalar_only else ", or an array of a scalar type such as string[]"),
                    raw.location(path))


def _number(value: Any) -> Any:
    """Integral floats become ints so every plan format compiles to the same bytes."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
