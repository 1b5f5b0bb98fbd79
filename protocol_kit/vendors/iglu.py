"""Snowplow Iglu self-describing schemas: ``schemas/<vendor>/<name>/jsonschema/<MODEL-REVISION-ADDITION>``.

Each schema is an event named ``<vendor>/<name>``; of several versions of one schema the highest is
imported (the plan keeps one version of each event) and the others are reported.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from protocol_kit.plan.model import Event, Plan
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import event_extensions, plan_extensions, with_conventions
from protocol_kit.vendors.jsonschema_in import SchemaReader
from protocol_kit.vendors.payload_schema import fields_schema

SELF_DESCRIBING = "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#"


def detect(document: RawPlan) -> bool:
    data = document.data
    return isinstance(data, dict) and isinstance(data.get("self"), dict) and "vendor" in data["self"] and (
        "self-desc" in str(data.get("$schema", "")) or "version" in data["self"])


def _version(document: RawPlan) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(document.data["self"].get("version", "0")).split("-"))
    except ValueError:
        return (0,)


def read(documents: list[RawPlan], findings: Findings, **_: Any) -> Plan:
    schemas: dict[str, list[RawPlan]] = {}
    for document in documents:
        if not detect(document):
            findings.add("IM002", "not a self-describing schema (no `self` block): skipped", document)
            continue
        own = document.data["self"]
        schemas.setdefault(f"{own.get('vendor')}/{own.get('name')}", []).append(document)
    events = []
    for name, versions in schemas.items():
        versions.sort(key=_version)
        latest = versions[-1]
        for older in versions[:-1]:
            findings.add("IM002", f"version {older.data['self'].get('version')} of {name} dropped: the plan keeps "
                                  f"one version of each event ({latest.data['self'].get('version')} imported)",
                         older, event=name)
        events.append(_event(name, latest, findings))
    extension = next((d.data.get("x-protocol-kit") for d in documents if isinstance(d.data, dict)
                      and d.data.get("x-protocol-kit")), {}) or {}
    parents = Path(documents[0].file).parents
    root = parents[4] if len(parents) > 4 and parents[3].name == "schemas" else parents[0]
    plan = Plan(name=extension.get("plan") or root.name or "iglu", version=extension.get("version"), description=extension.get("description"),
                additional_properties=True, events=tuple(events), source=str(root))
    return with_conventions(plan, extension.get("conventions"))


def _event(name: str, document: RawPlan, findings: Findings) -> Event:
    data = document.data
    reader = SchemaReader(document, findings, event=name)
    body = {k: v for k, v in data.items() if k not in ("self", "$schema", "x-protocol-kit", "x-protocol-kit-owner",
                                                        "x-protocol-kit-status", "x-protocol-kit-event")}
    fields = reader.fields(body, ())
    version = str(data["self"].get("version"))
    owner = data.get("x-protocol-kit-owner")
    kept = data.get("x-protocol-kit-event") if isinstance(data.get("x-protocol-kit-event"), dict) else {}
    extra = {f"iglu.{k}": json.dumps(v, sort_keys=True) for k, v in data["self"].items()
             if k not in ("vendor", "name", "format", "version")}
    labels = tuple(sorted(kept["labels"].items())) if isinstance(kept.get("labels"), dict) else tuple(sorted(
        {"iglu_version": version, **extra}.items()))
    from protocol_kit.plan.model import raw_schema_text

    return Event(name=str(kept.get("name") or name), description=fields.description, properties=fields.properties,
                 additional_properties=fields.additional_properties, labels=labels,
                 owner=owner if isinstance(owner, str) else None,
                 status="deprecated" if data.get("x-protocol-kit-status") == "deprecated" else "active",
                 json_schema=raw_schema_text(fields.raw))


def _segment(text: str) -> str:
    """A vendor or schema name as Iglu paths allow it."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "event"


def write(plan: Plan, path: Path, findings: Findings) -> list[Path]:
    """A registry folder: one schema per track event, named ``<vendor>/<name>`` (vendor: the plan's name)."""
    written = []
    for event in plan.events:
        if event.call != "track":
            findings.add("IM004", f"the {event.call} call dropped: Iglu schemas describe events and entities",
                         event=event.name)
            continue
        vendor, _, name = event.name.rpartition("/") if "/" in event.name else (plan.name, "", event.name)
        vendor, name = _segment(vendor), _segment(name)
        version = dict(event.labels).get("iglu_version", "1-0-0")
        own = {key.removeprefix("iglu."): json.loads(value) for key, value in event.labels if key.startswith("iglu.")}
        schema: dict[str, Any] = {"$schema": SELF_DESCRIBING, "self": {
            "vendor": vendor, "name": name, "format": "jsonschema", "version": version, **own}}
        if event.description:
            schema["description"] = event.description
        schema.update(fields_schema(plan, event))
        event_extensions(event, schema, findings)
        expected = tuple(sorted({"iglu_version": version, **{f"iglu.{k}": json.dumps(v, sort_keys=True)
                                                             for k, v in own.items()}}.items()))
        if f"{vendor}/{name}" != event.name or event.labels != expected:
            schema["x-protocol-kit-event"] = {"name": event.name, "labels": dict(event.labels)}
            findings.add("IM003", "the event's name and labels kept as `x-protocol-kit-event`", event=event.name)
        if not written:
            schema["x-protocol-kit"] = {"plan": plan.name, **plan_extensions(plan, findings, description=True)}
        target = path / "schemas" / vendor / name / "jsonschema" / version
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written
