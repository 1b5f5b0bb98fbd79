"""Mixpanel Lexicon schemas: ``entries[]`` (an upload body) or ``results[]`` (a list response), each with
``entityType`` (``event`` or ``profile``), ``name`` and ``schemaJson``: the JSON Schema of the event's
properties with ``metadata["com.mixpanel"]`` (display name, tags, hidden, dropped, contacts).

Events become track events; the ``$user`` profile becomes the identify call's traits. Lexicon metadata is
kept as ``mixpanel.*`` labels (values as JSON) so export writes it back; a single team contact is the
event's owner.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from protocol_kit.plan.model import Event, Plan, raw_schema_text
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import event_extensions, plan_extensions, with_conventions
from protocol_kit.vendors.jsonschema_in import SchemaReader
from protocol_kit.vendors.payload_schema import fields_schema

METADATA = "com.mixpanel"
LABEL = "mixpanel."
USER_PROFILE = "$user"


def _entries(data: Any) -> list | None:
    if not isinstance(data, dict):
        return None
    entries = data.get("entries", data.get("results"))
    if isinstance(entries, list) and entries and all(
            isinstance(e, dict) and "entityType" in e and "schemaJson" in e for e in entries):
        return entries
    return None


def detect(document: RawPlan) -> bool:
    return _entries(document.data) is not None


def read(documents: list[RawPlan], findings: Findings, **_: Any) -> Plan:
    events: list[Event] = []
    for document in documents:
        key = "entries" if "entries" in document.data else "results"
        for index, entry in enumerate(_entries(document.data) or ()):
            event = _event(document, entry, (key, index), findings)
            if event is not None:
                events.append(event)
    data = documents[0].data if isinstance(documents[0].data, dict) else {}
    extension = data.get("x-protocol-kit") or {}
    plan = Plan(name=str(extension.get("plan") or Path(documents[0].file).stem), version=extension.get("version"), description=extension.get("description"),
                additional_properties=True, events=tuple(events), source=documents[0].file)
    return with_conventions(plan, extension.get("conventions"))


def _event(document: RawPlan, entry: dict, path: tuple, findings: Findings) -> Event | None:
    kind, name = entry.get("entityType"), str(entry.get("name"))
    if kind == "profile" and name != USER_PROFILE:
        findings.add("IM002", f"profile schema '{name}' dropped: the plan's identify call holds the user "
                              f"profile ({USER_PROFILE}) only", document, path)
        return None
    if kind not in ("event", "profile"):
        findings.add("IM002", f"entity type '{kind}' dropped: expected event or profile", document, path)
        return None
    call = "identify" if kind == "profile" else "track"
    schema = entry["schemaJson"] if isinstance(entry["schemaJson"], dict) else {}
    reader = SchemaReader(document, findings, root=schema, event=name)
    body = {k: v for k, v in schema.items() if k not in ("metadata", "x-protocol-kit-owner", "x-protocol-kit-status")}
    fields = reader.fields(body, (*path, "schemaJson"))
    metadata = (schema.get("metadata") or {}).get(METADATA) or {}
    labels = {LABEL + key: json.dumps(value, sort_keys=True) for key, value in metadata.items()}
    owner = schema.get("x-protocol-kit-owner")
    teams = metadata.get("teamContacts")
    if owner is None and isinstance(teams, list) and len(teams) == 1 and isinstance(teams[0], str):
        owner = teams[0]
        labels.pop(LABEL + "teamContacts")
    other = sorted(set(schema.get("metadata") or {}) - {METADATA})
    if other:
        findings.add("IM002", f"metadata {other} dropped: only `{METADATA}` is read", document,
                     (*path, "schemaJson", "metadata"), event=name)
    return Event(name=name if call == "track" else call, call=call, description=fields.description,
                 owner=owner if isinstance(owner, str) else None,
                 status="deprecated" if schema.get("x-protocol-kit-status") == "deprecated" else "active",
                 properties=fields.properties, additional_properties=fields.additional_properties,
                 labels=tuple(sorted(labels.items())), json_schema=raw_schema_text(fields.raw))


def write(plan: Plan, path: Path, findings: Findings) -> list[Path]:
    entries = [entry for event in plan.events if (entry := _entry(plan, event, findings)) is not None]
    document = {"entries": entries, "x-protocol-kit": {"plan": plan.name, **plan_extensions(plan, findings, description=True)}}
    if plan.common:
        findings.add("IM004", "common (envelope) fields dropped: Lexicon schemas describe events and profiles")
    path.write_text(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return [path]


def _entry(plan: Plan, event: Event, findings: Findings) -> dict | None:
    if event.call not in ("track", "identify"):
        findings.add("IM004", f"the {event.call} call dropped: Lexicon schemas describe events and profiles",
                     event=event.name)
        return None
    schema: dict[str, Any] = {"$schema": "http://json-schema.org/draft-07/schema"}
    if event.description:
        schema["description"] = event.description
    schema.update({k: v for k, v in fields_schema(plan, event).items() if (k, v) != ("type", "object")})
    labels = dict(event.labels)
    metadata = {key.removeprefix(LABEL): json.loads(value) for key, value in labels.items() if key.startswith(LABEL)}
    if event.owner and "teamContacts" not in metadata:
        metadata["teamContacts"] = [event.owner]
    other = sorted(k for k in labels if not k.startswith(LABEL))
    if other:
        findings.add("IM004", f"labels {other} dropped: Lexicon metadata has fixed keys", event=event.name)
    if metadata:
        schema["metadata"] = {METADATA: metadata}
    event_extensions(Event(name=event.name, status=event.status, properties=event.properties), schema, findings)
    return {"entityType": "event" if event.call == "track" else "profile",
            "name": event.name if event.call == "track" else USER_PROFILE, "schemaJson": schema}
