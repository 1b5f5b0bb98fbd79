"""A plan as an OpenTrackPlan folder: ``opentp.yaml`` and one file per event under ``events/``."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from protocol_kit.compile.compiler import property_schema
from protocol_kit.plan.export.yaml_writer import safe_dump
from protocol_kit.plan.model import ANY_TYPE, Event, Plan, Property, raw_schema
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import PII_EXTENSION
from protocol_kit.vendors.jsonschema_in import JSON_SCHEMA_KEYWORDS
from protocol_kit.vendors.opentrackplan import RAW_EXTENSION

SPEC_VERSION = "2026-01"


def write_plan(plan: Plan, folder: Path, findings: Findings) -> list[Path]:
    root = {"opentp": SPEC_VERSION, "info": {"title": plan.name, **({"version": plan.version} if plan.version else {}),
                                             **({"description": plan.description} if plan.description else {})},
            "spec": {"paths": {"events": {"root": "/events", "template": "{event}.yaml"}}},
            "x-protocol-kit": {"conventions": {"event_names": plan.conventions.event_names,
                                               "property_names": plan.conventions.property_names}}}
    findings.add("IM003", "the plan's naming conventions kept as `x-protocol-kit` in opentp.yaml")
    if plan.common:
        findings.add("IM004", "common (envelope) fields dropped: OpenTrackPlan's shared payload fields are "
                              "event properties, not the envelope")
    written = [_write(folder / "opentp.yaml", root)]
    taken: set[str] = set()
    for event in plan.events:
        if event.call != "track":
            findings.add("IM004", f"the {event.call} call dropped: OpenTrackPlan describes events by key",
                         event=event.name)
            continue
        name = _unique(re.sub(r"[^A-Za-z0-9_-]+", "_", event.name).strip("_") or "event", taken)
        written.append(_write(folder / "events" / f"{name}.yaml", _event(plan, event, findings)))
    return written


def _write(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(safe_dump(data), encoding="utf-8")
    return path


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate.lower() in taken:
        candidate, number = f"{name}_{number}", number + 1
    taken.add(candidate.lower())
    return candidate


def _event(plan: Plan, event: Event, findings: Findings) -> dict:
    labels = dict(event.labels)
    spec: dict[str, Any] = {"key": event.name, "lifecycle": {"status": event.status}}
    taxonomy = {key.removeprefix("taxonomy."): value for key, value in labels.items() if key.startswith("taxonomy.")}
    if taxonomy:
        spec["taxonomy"] = taxonomy
    if event.description:
        spec["description"] = event.description
    if event.owner:
        spec["x-protocol-kit-owner"] = event.owner
        findings.add("IM003", "owner kept as `x-protocol-kit-owner`", event=event.name)
    other = sorted(k for k in labels if not k.startswith(("taxonomy.", "opentp.")))
    if other:
        findings.add("IM004", f"labels {other} dropped: OpenTrackPlan events have taxonomy fields only",
                     event=event.name)
    for what, present in (("additional_properties", event.additional_properties is not None
                           and event.additional_properties != plan.additional_properties or (
                               event.additional_properties is None and not plan.additional_properties)),
                          ("raw JSON Schema", event.json_schema)):
        if present:
            findings.add("IM004", f"{what} dropped: OpenTrackPlan payloads have no such key", event=event.name)
    schema = {prop.name: _field(plan, prop, event, findings) for prop in event.properties}
    if "opentp.target" in labels:
        version = labels.get("opentp.version", "1")
        spec["payload"] = {labels["opentp.target"]: {"current": version, version: {"schema": schema}}}
    else:
        spec["payload"] = {"schema": schema}
    return {"opentp": SPEC_VERSION, "event": spec}


def _field(plan: Plan, prop: Property, event: Event, findings: Findings) -> dict:
    """The property as an OpenTrackPlan field; an object's fields and an array's elements written the same way."""
    full = property_schema(prop, default_open=plan.additional_properties, pii_keyword=PII_EXTENSION)
    field: dict[str, Any] = {}
    if prop.type != ANY_TYPE:
        field["type"] = prop.json_type
    field.update({k: v for k, v in full.items() if k not in ("type", "enum", PII_EXTENSION, "examples", "required",
                                                             "properties", "items")
                  and k not in raw_schema(prop.json_schema)})
    if "properties" in full:
        field["properties"] = {child.name: _field(plan, child, event, findings) for child in prop.properties}
    if prop.items is not None:
        field["items"] = _field(plan, prop.items, event, findings)
        field["items"].pop("required", None)
    if prop.nullable:
        findings.add("IM004", f"'{prop.name}': nullable dropped: OpenTrackPlan field types have no null",
                     event=event.name)
    if prop.enum is not None:
        field["enum"] = list(prop.enum)
    if prop.required:
        field["required"] = True
    if len(prop.examples) == 1:
        field["example"] = prop.examples[0]
    elif prop.examples:
        field["examples"] = list(prop.examples)
    raw = raw_schema(prop.json_schema)
    pii_block = raw.pop("x-opentp-pii", None) or {}
    if isinstance(prop.pii, str):
        field["pii"] = {"kind": prop.pii, **pii_block}
    elif prop.pii is True or pii_block:
        field["pii"] = dict(pii_block)
    elif prop.pii is False:
        field[PII_EXTENSION] = False
    other = {}
    for key, value in raw.items():
        if key.startswith("x-opentp-"):
            field[key.removeprefix("x-opentp-")] = value
        elif key in JSON_SCHEMA_KEYWORDS or key.startswith("x-"):
            field[key] = value
        else:  # a keyword of some other tool, which OpenTrackPlan would read as a field key of its own
            other[key] = value
    if other:
        field[RAW_EXTENSION] = other
    return field
