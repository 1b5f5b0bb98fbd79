"""mParticle data plan versions: ``version_document.data_points[]``, each a ``match`` (type and criteria) and a
``validator.definition`` JSON Schema of the event's ``data``.

``custom_event`` data points become track events named by ``event_name``; screen views, commerce actions and
other match types become events named after their criteria, with the match kept as labels
(``mparticle.match``, ``mparticle.criteria``) so export writes them back; ``user_attributes`` become the
identify call's traits. Custom attributes are the event's properties; other members of ``data`` are
properties too, listed in the ``mparticle.data_members`` label.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

from protocol_kit.plan.model import Event, Plan, raw_schema, raw_schema_text
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import PII_EXTENSION, event_extensions, plan_extensions, with_conventions
from protocol_kit.vendors.jsonschema_in import SchemaReader
from protocol_kit.compile.compiler import object_schema, property_schema

MATCH, CRITERIA, MEMBERS = "mparticle.match", "mparticle.criteria", "mparticle.data_members"
DEFAULT_EVENT_TYPE = "other"  # a custom event's type when the label does not say


def detect(document: RawPlan) -> bool:
    return next(_data_points(document.data, ()), None) is not None


def _data_points(data: Any, path: KeyPath) -> Iterator[tuple[dict, KeyPath]]:
    """Every data point, wherever it is (a version document, a whole data plan, or a keyed collection)."""
    if isinstance(data, dict):
        if isinstance(data.get("match"), dict) and "validator" in data:
            yield data, path
            return
        for key, value in data.items():
            yield from _data_points(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _data_points(value, (*path, index))


def read(documents: list[RawPlan], findings: Findings, **_: Any) -> Plan:
    events: list[Event] = []
    seen: set[str] = set()
    for document in documents:
        for point, path in _data_points(document.data, ()):
            event = _event(point, document, path, findings)
            if event is None:
                continue
            if event.call != "track" and any(e.call == event.call for e in events):
                findings.add("IM002", f"a second {event.call} data point dropped: a plan has one {event.call} call",
                             document, path, event=event.name)
                continue
            key = event.name
            if key in seen:
                key = _free_name(event, seen)
                findings.add("IM006", f"a second data point named '{event.name}' imported as '{key}'", document,
                             path, event=event.name)
                event = replace(event, name=key)
            seen.add(key)
            events.append(event)
    data = documents[0].data if isinstance(documents[0].data, dict) else {}
    extension = data.get("x-protocol-kit") or {}
    plan = Plan(name=str(data.get("data_plan_id") or Path(documents[0].file).stem),
                version=extension.get("version") or (str(data["version"]) if data.get("version") else None),
                description=data.get("version_description") or None, additional_properties=True,
                events=tuple(events), source=documents[0].file)
    return with_conventions(plan, extension.get("conventions"))


def _event(point: dict, document: RawPlan, path: KeyPath, findings: Findings) -> Event | None:
    match = point["match"]
    kind, criteria = str(match.get("type")), match.get("criteria") or {}
    definition = (point.get("validator") or {}).get("definition") or {}
    reader = SchemaReader(document, findings, root=definition)
    where = (*path, "validator", "definition")
    kept = {"owner": point.get("x-protocol-kit-owner") if isinstance(point.get("x-protocol-kit-owner"), str) else None,
            "status": "deprecated" if point.get("x-protocol-kit-status") == "deprecated" else "active"}
    extra = point.get("x-protocol-kit-labels") if isinstance(point.get("x-protocol-kit-labels"), dict) else {}
    if kind in ("user_attributes", "user_attribute"):
        fields = reader.for_event("identify").fields(definition, where)
        return Event(name="identify", call="identify", description=point.get("description") or None,
                     properties=fields.properties, additional_properties=fields.additional_properties,
                     json_schema=raw_schema_text(fields.raw), labels=tuple(sorted(extra.items())), **kept)
    name = str(criteria.get("event_name") or criteria.get("screen_name") or criteria.get("action") or kind)
    reader = reader.for_event(name)
    labels = {}
    if kind != "custom_event" or set(criteria) - {"event_name", "custom_event_type"}:
        labels[MATCH] = kind
        labels[CRITERIA] = json.dumps(criteria, sort_keys=True)
        findings.add("IM006", f"the {kind} data point became an event named '{name}'; its match is kept as labels",
                     document, (*path, "match"), event=name)
    elif criteria.get("custom_event_type") not in (None, DEFAULT_EVENT_TYPE):
        labels["mparticle.custom_event_type"] = str(criteria["custom_event_type"])
    data = (definition.get("properties") or {}).get("data") or {}
    data_props = data.get("properties") or {} if isinstance(data, dict) else {}
    attributes = reader.fields(data_props.get("custom_attributes") or {},
                               (*where, "properties", "data", "properties", "custom_attributes"))
    members = [reader.property(key, value, (*where, "properties", "data", "properties", key),
                               required=key in (data.get("required") or ()))
               for key, value in data_props.items() if key != "custom_attributes"]
    if members:
        labels[MEMBERS] = ",".join(sorted(m.name for m in members))
    for key in sorted(set(definition) - {"properties", "type", "additionalProperties", "required", "description"}):
        findings.add("IM002", f"`{key}` of the data point's schema dropped", document, (*where, key), event=name)
    return Event(name=name, description=point.get("description") or None,
                 properties=attributes.properties + tuple(members),
                 additional_properties=attributes.additional_properties,
                 labels=tuple(sorted({**labels, **extra}.items())), json_schema=raw_schema_text(attributes.raw), **kept)


def _free_name(event: Event, taken: set[str]) -> str:
    """A name for a data point whose name another one has: its custom event type, else a number."""
    kind = dict(event.labels).get("mparticle.custom_event_type")
    if kind and f"{event.name} ({kind})" not in taken:
        return f"{event.name} ({kind})"
    number = 2
    while f"{event.name} ({number})" in taken:
        number += 1
    return f"{event.name} ({number})"


def write(plan: Plan, path: Path, findings: Findings) -> list[Path]:
    if plan.common:
        findings.add("IM004", "common (envelope) fields dropped: data points describe events one by one")
    points = [_data_point(plan, event, findings) for event in plan.events]
    document = {"data_plan_id": plan.name, "version_description": plan.description,
                "version_document": {"data_points": [p for p in points if p is not None]},
                "x-protocol-kit": plan_extensions(plan, findings)}
    path.write_text(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return [path]


def _data_point(plan: Plan, event: Event, findings: Findings) -> dict | None:
    labels = dict(event.labels)
    if event.call == "identify":
        definition = object_schema(event.properties, open_=_open(plan, event), default_open=plan.additional_properties,
                                   pii_keyword=PII_EXTENSION)
        definition.update(raw_schema(event.json_schema))
        point = {"description": event.description or "", "match": {"type": "user_attributes", "criteria": {}},
                 "validator": {"type": "json_schema", "definition": definition}}
        _keep(event, point, labels, findings)
        return point
    if event.call != "track":
        findings.add("IM004", f"the {event.call} call dropped: a data point matches events by name",
                     event=event.name)
        return None
    members = set(filter(None, labels.get(MEMBERS, "").split(",")))
    attributes = tuple(p for p in event.properties if p.name not in members)
    custom = object_schema(attributes, open_=_open(plan, event), default_open=plan.additional_properties,
                           pii_keyword=PII_EXTENSION)
    custom.update(raw_schema(event.json_schema))
    data: dict[str, Any] = {"type": "object", "additionalProperties": True, "properties": {"custom_attributes": custom}}
    required = [p.name for p in event.properties if p.name in members and p.required]
    for prop in event.properties:
        if prop.name in members:
            data["properties"][prop.name] = property_schema(prop, default_open=plan.additional_properties,
                                                            pii_keyword=PII_EXTENSION)
    if required:
        data["required"] = required
    if MATCH in labels:
        match = {"type": labels[MATCH], "criteria": json.loads(labels.get(CRITERIA, "{}"))}
    else:
        match = {"type": "custom_event", "criteria": {"event_name": event.name, "custom_event_type":
                                                      labels.get("mparticle.custom_event_type", DEFAULT_EVENT_TYPE)}}
    point = {"description": event.description or "", "match": match,
             "validator": {"type": "json_schema", "definition": {"properties": {"data": data}}}}
    _keep(event, point, {k: v for k, v in labels.items() if k not in (MATCH, CRITERIA, MEMBERS,
                                                                        "mparticle.custom_event_type")}, findings)
    return point


def _keep(event: Event, point: dict, labels: dict, findings: Findings) -> None:
    """Owner, status, personal data and labels, which data points have no keys for, as extensions."""
    event_extensions(event, point, findings)
    if labels:
        point["x-protocol-kit-labels"] = labels
        findings.add("IM003", f"labels {sorted(labels)} kept as `x-protocol-kit-labels`", event=event.name)


def _open(plan: Plan, event: Event) -> bool:
    return plan.additional_properties if event.additional_properties is None else event.additional_properties
