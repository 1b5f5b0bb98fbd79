"""Plan model -> JSON Schemas of whole Segment-spec payloads."""
from __future__ import annotations

from typing import Any

from protocol_kit.compile.compiled import META_KEY, CompiledPlan, CompiledSchema, slug
from protocol_kit.errors import PlanError
from protocol_kit.plan.model import Event, Plan, Property, raw_schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def compile_plan(plan: Plan) -> CompiledPlan:
    """One schema per planned call. Same plan, same bytes."""
    schemas = tuple(_compile_event(plan, event) for event in plan.events)
    _refuse_colliding_files(plan, schemas)
    return CompiledPlan(name=plan.name, version=plan.version, schemas=schemas)


def _compile_event(plan: Plan, event: Event) -> CompiledSchema:
    file = f"track/{slug(event.name)}.json" if event.call == "track" else f"{event.call}.json"
    if event.version is not None:  # one schema per version: track/order_completed/v2.json
        file = f"track/{slug(event.name)}/{_version_file(event.version)}.json"
    field = event.payload_field
    allow_unplanned = plan.additional_properties if event.additional_properties is None else event.additional_properties
    common = {p.name: p for p in plan.common}
    own = _merge(common.pop(field, None), event.properties)
    payload_fields: dict[str, Any] = {name: property_schema(p, default_open=True) for name, p in common.items()}
    payload_fields[field] = object_schema(own, open_=allow_unplanned, default_open=plan.additional_properties)
    payload_fields[field].update(raw_schema(event.json_schema))
    payload_fields["type"] = {"const": event.call}
    required = ["type"] if event.call != "track" else []
    if event.call == "track":
        payload_fields["event"] = {"const": event.name}
        required.append("event")
    if any(p.required for p in own):
        required.append(field)
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"urn:protocol-kit:{slug(plan.name)}:{file.removesuffix('.json').replace('/', ':')}",
        "title": event.name if event.call == "track" else f"{event.call} ({plan.name})",
        "type": "object",
        "properties": payload_fields,
        "required": sorted(required),
        META_KEY: _metadata(plan, event),
    }
    if event.description:
        schema["description"] = event.description
    if event.deprecated:
        schema["deprecated"] = True
    return CompiledSchema(call=event.call, event=event.name if event.call == "track" else None,
                          file=file, schema=schema, version=event.version)


def _version_file(version: str) -> str:
    """``2`` and ``v2`` -> ``v2``, ``1.1`` -> ``v1_1``, ``beta`` -> ``beta``."""
    written = slug(version.removeprefix("v").removeprefix("V"))
    return f"v{written}" if written[:1].isdigit() else written


def property_schema(prop: Property, *, default_open: bool, pii_keyword: str = "x-pii") -> dict[str, Any]:
    """The JSON Schema of one planned property (``default_open``: additional properties of nested objects).

    ``pii_keyword``: the annotation holding the ``pii:`` declaration (exports to other tools name it their way).
    """
    schema: dict[str, Any] = {}
    json_type = prop.json_type
    if json_type:
        schema["type"] = [json_type, "null"] if prop.nullable else json_type
    if prop.implied_format:
        schema["format"] = prop.implied_format
    if prop.enum is not None:
        schema["enum"] = [*prop.enum, None] if prop.nullable and None not in prop.enum else list(prop.enum)
    for key, value in (("pattern", prop.pattern), ("minimum", prop.minimum), ("maximum", prop.maximum),
                       ("minLength", prop.min_length), ("maxLength", prop.max_length),
                       ("description", prop.description), (pii_keyword, prop.pii)):
        if value is not None:
            schema[key] = value
    if prop.items is not None:
        schema["items"] = property_schema(prop.items, default_open=default_open, pii_keyword=pii_keyword)
    if prop.type == "object" and (prop.properties or prop.additional_properties is not None):
        open_ = default_open if prop.additional_properties is None else prop.additional_properties
        nested = object_schema(prop.properties, open_=open_, default_open=default_open, pii_keyword=pii_keyword)
        schema.update({key: value for key, value in nested.items() if key != "type"})
    if prop.examples:
        schema["examples"] = list(prop.examples)
    if prop.deprecated:
        schema["deprecated"] = True
    schema.update(raw_schema(prop.json_schema))
    return schema


def object_schema(props: tuple[Property, ...], *, open_: bool, default_open: bool,
                  pii_keyword: str = "x-pii") -> dict[str, Any]:
    """The JSON Schema of an object with ``props``: open to unlisted fields when ``open_``."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {p.name: property_schema(p, default_open=default_open, pii_keyword=pii_keyword)
                       for p in props},
        "additionalProperties": open_,
    }
    required = sorted(p.name for p in props if p.required)
    if required:
        schema["required"] = required
    return schema


def _merge(common: Property | None, own: tuple[Property, ...]) -> tuple[Property, ...]:
    """Common properties (``common.properties``/``common.traits``) apply unless the event redefines them."""
    if common is None:
        return own
    names = {p.name for p in own}
    return (*own, *(p for p in common.properties if p.name not in names))


def _metadata(plan: Plan, event: Event) -> dict[str, Any]:
    meta = {"plan": plan.name, "version": plan.version, "call": event.call}
    if event.call == "track":
        meta["event"] = event.name
    if event.version is not None:
        meta["event_version"] = event.version
    if event.owner:
        meta["owner"] = event.owner
    if event.status != "active":
        meta["status"] = event.status
    return meta


def _refuse_colliding_files(plan: Plan, schemas: tuple[CompiledSchema, ...]) -> None:
    seen: dict[str, CompiledSchema] = {}
    for compiled in schemas:
        other = seen.setdefault(compiled.file, compiled)
        if other is not compiled:
            event = plan.event(compiled.event) if compiled.event else None
            raise PlanError(
                f"events '{other.event}' and '{compiled.event}' would both compile to {compiled.file}; "
                "rename one of them (they differ only in case or separators)",
                event.location if event else None)
