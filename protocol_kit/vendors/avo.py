"""Avo's JSON Schema export (the Export API and the webhook's default payload): ``events[]`` with ``id``,
``name``, ``description``, ``tags``, ``categories``, ``sources`` and ``rules``, a draft-06 schema whose
``properties.properties`` holds the event's properties. Personal data is ``x-avo-pii`` (true/false) with
``x-avo-piiType``; both become ``pii:``.

Written after Avo's documentation of the payload: no real export file with a licence allowing reuse was
found, so the test input is written for the tests in the documented shape.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from protocol_kit.plan.model import Event, Plan, raw_schema_text
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import PII_EXTENSION, event_extensions, plan_extensions, with_conventions
from protocol_kit.vendors.jsonschema_in import SchemaReader
from protocol_kit.vendors.payload_schema import fields_schema

DRAFT_06 = "http://json-schema.org/draft-06/schema#"
EVENT_KEYS = ("id", "tags", "categories", "sources", "triggers", "actions")  # kept as avo.* labels (JSON)
LABEL = "avo."
SCHEMA_CHILDREN = ("items", "additionalProperties", "not", "if", "then", "else")


def detect(document: RawPlan) -> bool:
    data = document.data
    events = data.get("events") if isinstance(data, dict) else None
    return isinstance(events, list) and bool(events) and all(
        isinstance(e, dict) and isinstance(e.get("rules"), dict) and ("sources" in e or "tags" in e) for e in events)


def read(documents: list[RawPlan], findings: Findings, **_: Any) -> Plan:
    document = documents[0]
    for other in documents[1:]:
        findings.add("IM002", "an Avo export is one file: skipped", other)
    data = document.data
    reader = SchemaReader(document, findings)
    events = [_event(reader, event, ("events", index)) for index, event in enumerate(data.get("events") or ())]
    extension = data.get("x-protocol-kit") or {}
    plan = Plan(name=str(data.get("name") or Path(document.file).stem), version=extension.get("version"),
                description=extension.get("description"), additional_properties=True, events=tuple(events),
                source=document.file)
    return with_conventions(plan, extension.get("conventions"))


def _event(reader: SchemaReader, event: dict, path: tuple) -> Event:
    name = str(event.get("name"))
    reader = reader.for_event(name)
    rules = from_avo_pii(event.get("rules") or {})
    envelope = rules.get("properties") or {}
    for part in sorted(set(envelope) - {"properties"}):
        reader.findings.add("IM002", f"rules on `{part}` dropped: the plan holds the event's properties",
                            reader.document, (*path, "rules", "properties", part), event=name)
    fields = reader.fields(envelope.get("properties") or {}, (*path, "rules", "properties", "properties"))
    labels = {LABEL + key: json.dumps(event[key], sort_keys=True) for key in EVENT_KEYS
              if event.get(key) not in (None, [], "")}
    owner = rules.get("x-protocol-kit-owner")
    return Event(name=name, description=event.get("description") or None, properties=fields.properties,
                 owner=owner if isinstance(owner, str) else None,
                 status="deprecated" if rules.get("x-protocol-kit-status") == "deprecated" else "active",
                 additional_properties=fields.additional_properties, labels=tuple(sorted(labels.items())),
                 json_schema=raw_schema_text(fields.raw))


def from_avo_pii(schema: Any) -> Any:
    """``x-avo-pii``/``x-avo-piiType`` as the one personal-data annotation the schema reader knows."""
    return _walk(schema, _from_avo)


def to_avo_pii(schema: Any) -> Any:
    return _walk(schema, _to_avo)


def _from_avo(schema: dict) -> dict:
    if "x-avo-pii" not in schema and "x-avo-piiType" not in schema:
        return schema
    flag, kind = schema.get("x-avo-pii"), schema.get("x-avo-piiType")
    rest = {k: v for k, v in schema.items() if k not in ("x-avo-pii", "x-avo-piiType")}
    rest[PII_EXTENSION] = kind if flag is not False and isinstance(kind, str) and kind else bool(flag)
    return rest


def _to_avo(schema: dict) -> dict:
    if PII_EXTENSION not in schema:
        return schema
    value = schema[PII_EXTENSION]
    rest = {k: v for k, v in schema.items() if k != PII_EXTENSION}
    rest["x-avo-pii"] = value is not False
    if isinstance(value, str):
        rest["x-avo-piiType"] = value
    return rest


def _walk(schema: Any, change) -> Any:
    """``change`` applied to every schema in ``schema`` (not to the names of its properties)."""
    if isinstance(schema, list):
        return [_walk(s, change) for s in schema]
    if not isinstance(schema, dict):
        return schema
    schema = change(schema)
    result = {}
    for key, value in schema.items():
        if key in ("properties", "patternProperties", "$defs", "definitions") and isinstance(value, dict):
            result[key] = {name: _walk(child, change) for name, child in value.items()}
        elif key in SCHEMA_CHILDREN or key in ("allOf", "anyOf", "oneOf"):
            result[key] = _walk(value, change)
        else:
            result[key] = value
    return result


def write(plan: Plan, path: Path, findings: Findings) -> list[Path]:
    events = []
    for event in plan.events:
        if event.call != "track":
            findings.add("IM004", f"the {event.call} call dropped: an Avo export lists events", event=event.name)
            continue
        events.append(_export_event(plan, event, findings))
    if plan.common:
        findings.add("IM004", "common (envelope) fields dropped: an Avo export lists events")
    document = {"name": plan.name, "events": events,
                "x-protocol-kit": plan_extensions(plan, findings, description=True)}
    path.write_text(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return [path]


def _export_event(plan: Plan, event: Event, findings: Findings) -> dict:
    labels = dict(event.labels)
    rules: dict[str, Any] = {"$schema": DRAFT_06, "type": "object", "required": ["properties"],
                             "properties": {"properties": to_avo_pii(fields_schema(plan, event))}}
    event_extensions(event, rules, findings)
    exported: dict[str, Any] = {"name": event.name, "description": event.description or "", "rules": rules,
                                "tags": [], "categories": [], "sources": []}
    for key in EVENT_KEYS:
        if LABEL + key in labels:
            exported[key] = json.loads(labels.pop(LABEL + key))
    if labels:
        findings.add("IM004", f"labels {sorted(labels)} dropped: Avo events have tags and categories only",
                     event=event.name)
    return exported
