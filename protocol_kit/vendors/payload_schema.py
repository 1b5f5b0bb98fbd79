"""Events written as the JSON Schema of a whole Segment-spec payload (Segment, RudderStack), both ways.

A payload schema wraps the planned fields: ``properties.properties`` for
track, page and screen calls, ``properties.traits`` for identify and group,
beside ``properties.context``. Typewriter's plan.json keeps only the
planned fields' object (flattened); both shapes are read.
"""
from __future__ import annotations

from typing import Any

from protocol_kit.compile.compiler import object_schema
from protocol_kit.plan.model import PAYLOAD_FIELD, Event, Plan, raw_schema, raw_schema_text
from protocol_kit.plan.source_map import KeyPath
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import PII_EXTENSION, event_extensions
from protocol_kit.vendors.jsonschema_in import SchemaReader

ENVELOPE = ("context", "properties", "traits")
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
# keywords of a payload schema that say nothing about the payload
EVENT_KEYS = ("labels", "eventMetadata", "x-protocol-kit-owner", "x-protocol-kit-status")
PAYLOAD_ANNOTATIONS = ("$schema", "type", "properties", "description", "labels", "eventMetadata", "id", "$id",
                       "$defs", "definitions")  # definitions are inlined where they are referenced


def is_wrapped(schema: Any) -> bool:
    props = schema.get("properties") if isinstance(schema, dict) else None
    return isinstance(props, dict) and bool(props) and set(props) <= set(ENVELOPE) and all(
        isinstance(v, dict) for v in props.values())


def event_from_schema(reader: SchemaReader, schema: Any, path: KeyPath, *, name: str, call: str = "track",
                      description: str | None = None, labels: dict | None = None, status: str = "active") -> Event:
    schema = schema if isinstance(schema, dict) else {}
    reader = reader.for_event(name, root=schema if any(k in schema for k in ("$defs", "definitions")) else None)
    field = PAYLOAD_FIELD[call]
    if is_wrapped(schema):
        _drop_envelope(reader, schema, path, field)
        fields = reader.fields(schema["properties"].get(field), (*path, "properties", field))
    else:
        fields = reader.fields({k: v for k, v in schema.items() if k not in EVENT_KEYS}, path)
    labels = {**(schema.get("labels") or {}), **(labels or {})}
    owner = schema.get("x-protocol-kit-owner")
    if schema.get("x-protocol-kit-status") == "deprecated":
        status = "deprecated"
    return Event(name=name, call=call, description=description or schema.get("description") or fields.description,
                 owner=owner if isinstance(owner, str) else None, status=status, properties=fields.properties,
                 additional_properties=fields.additional_properties,
                 labels=tuple(sorted((str(k), str(v)) for k, v in labels.items())),
                 json_schema=_raw(fields.raw))


def _drop_envelope(reader: SchemaReader, schema: dict, path: KeyPath, field: str) -> None:
    """What a payload schema says beside the planned fields has no place in a plan event: reported."""
    for part, value in schema["properties"].items():
        if part != field and not _says_nothing(value):
            reader.findings.add("IM002", f"rules on `{part}` of this event dropped: a plan checks `{part}` "
                                         "in `common` for every event", reader.document,
                                (*path, "properties", part), event=reader.event)
    extra = sorted(set(schema) - set(PAYLOAD_ANNOTATIONS) - {"x-protocol-kit-owner", "x-protocol-kit-status"})
    if schema.get("required"):
        reader.findings.add("IM002", f"`required: {schema['required']}` on the payload dropped: a plan requires "
                                     "the properties object only when one of its properties is required",
                            reader.document, (*path, "required"), event=reader.event)
        extra.remove("required")
    if extra:
        reader.findings.add("IM002", f"{', '.join(f'`{k}`' for k in extra)} on the whole payload dropped",
                            reader.document, path, event=reader.event)


def _says_nothing(schema: Any) -> bool:
    return schema in ({}, True) or (isinstance(schema, dict) and set(schema) <= {"type", "properties", "required"}
                                    and schema.get("type") in (None, "object") and not schema.get("properties")
                                    and not schema.get("required"))


def _raw(raw: dict) -> str | None:
    return raw_schema_text(raw)


# --- writing -----------------------------------------------------------------------

def fields_schema(plan: Plan, event: Event) -> dict[str, Any]:
    """The JSON Schema of the event's planned fields object, defaults written out."""
    allow = plan.additional_properties if event.additional_properties is None else event.additional_properties
    schema = object_schema(event.properties, open_=allow, default_open=plan.additional_properties,
                           pii_keyword=PII_EXTENSION)
    schema.update(raw_schema(event.json_schema))
    return schema


def payload_schema(plan: Plan, event: Event, findings: Findings, *, wrapped: bool = True) -> dict[str, Any]:
    """The event as a draft-07 payload schema: planned fields under ``properties.<field>``."""
    fields = fields_schema(plan, event)
    schema: dict[str, Any] = {"$schema": DRAFT_07, "type": "object"}
    if wrapped:
        envelope = {"context": {}, "properties": {}, "traits": {}}
        envelope[event.payload_field] = fields
        schema["properties"] = envelope
    else:
        schema.update({k: v for k, v in fields.items() if k != "type"})
    if event.description:
        schema["description"] = event.description
    schema["labels"] = dict(event.labels)
    event_extensions(event, schema, findings)
    return schema
