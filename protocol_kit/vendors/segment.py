"""Segment Protocols tracking plans: the Public API shape (``rules[]`` with ``key``, ``type``, ``jsonSchema``),
the Config API shape (``rules.events[]``, ``rules.global``...) and Typewriter's local ``events[]`` file."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from protocol_kit.compile.compiler import property_schema
from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import PII_EXTENSION, plan_extensions, with_conventions
from protocol_kit.vendors.jsonschema_in import SchemaReader
from protocol_kit.vendors.payload_schema import DRAFT_07, event_from_schema, payload_schema

RULE_CALLS = {"TRACK": "track", "IDENTIFY": "identify", "GROUP": "group", "PAGE": "page"}
CALL_RULES = {call: rule for rule, call in RULE_CALLS.items()}
NOT_DEPRECATED = "0001-01-01T00:00:00.000Z"


def detect(document: RawPlan) -> bool:
    data = document.data
    if not isinstance(data, dict):
        return False
    rules = data.get("rules")
    if isinstance(rules, list):
        return any(isinstance(r, dict) and "jsonSchema" in r for r in rules) or not rules
    if isinstance(rules, dict):
        return ("creationType" not in data and not _rudderstack_events(rules)
                and any(key in rules for key in ("events", "global", "identify", "group")))
    return isinstance(data.get("events"), list) and all(isinstance(e, dict) and "rules" in e for e in data["events"])


def _rudderstack_events(rules: dict) -> bool:
    return any(isinstance(e, dict) and ("eventType" in e or str(e.get("id", "")).startswith("ev_"))
               for e in rules.get("events") or ())


def read(documents: list[RawPlan], findings: Findings, **_: Any) -> Plan:
    if len(documents) != 1:
        raise _one_file(documents)
    return read_plan(documents[0], findings)


def read_plan(document: RawPlan, findings: Findings) -> Plan:
    data = document.data
    reader = SchemaReader(document, findings)
    if isinstance(data.get("rules"), list):
        common, events = _public_api_rules(reader, data["rules"])
    else:
        common, events = _config_api_rules(reader, data)
    extensions = data.get("x-protocol-kit") or {}
    plan = Plan(name=str(data.get("display_name") or data.get("name") or Path(document.file).stem),
                version=extensions.get("version"), description=data.get("description") or None,
                additional_properties=True, common=common, events=tuple(events), source=document.file)
    return with_conventions(plan, extensions.get("conventions"))


def _public_api_rules(reader: SchemaReader, rules: list) -> tuple[tuple[Property, ...], list[Event]]:
    latest: dict[tuple[str, str], tuple[int, int]] = {}
    for index, rule in enumerate(rules):
        key = (str(rule.get("type")), str(rule.get("key")))
        version = rule.get("version") or 1
        if key not in latest or version > latest[key][0]:
            latest[key] = (version, index)
    common: tuple[Property, ...] = ()
    events: list[Event] = []
    calls_seen: set[str] = set()
    for index, rule in enumerate(rules):
        path = ("rules", index)
        kind, key, version = str(rule.get("type")), str(rule.get("key")), rule.get("version") or 1
        if latest[(kind, key)][1] != index:
            reader.findings.add("IM002", f"version {version} of '{key}' dropped: the plan keeps one version of "
                                         f"each event (version {latest[(kind, key)][0]} imported)",
                                reader.document, path, event=key)
            continue
        schema = rule.get("jsonSchema") or {}
        if kind == "COMMON":
            common = _common(reader, schema, (*path, "jsonSchema"))
            continue
        call = RULE_CALLS.get(kind)
        if call is None:
            reader.findings.add("IM002", f"rule of type {kind} dropped: expected one of TRACK, IDENTIFY, GROUP, "
                                         "PAGE, COMMON", reader.document, (*path, "type"), event=key)
            continue
        if call != "track" and call in calls_seen:
            reader.findings.add("IM002", f"a second {kind} rule ('{key}') dropped: a plan has one {call} call",
                                reader.document, path, event=key)
            continue
        calls_seen.add(call)
        status = "deprecated" if rule.get("deprecatedAt") not in (None, "", NOT_DEPRECATED) else "active"
        labels = rule.get("labels") if isinstance(rule.get("labels"), dict) else None
        events.append(event_from_schema(reader, schema, (*path, "jsonSchema"), name=key if call == "track" else call,
                                        call=call, status=status, labels=labels))
    return common, events


def _config_api_rules(reader: SchemaReader, data: dict) -> tuple[tuple[Property, ...], list[Event]]:
    rules = data.get("rules") if isinstance(data.get("rules"), dict) else {"events": data.get("events") or []}
    base = ("rules",) if isinstance(data.get("rules"), dict) else ()
    events = [event_from_schema(reader, event.get("rules"), (*base, "events", index, "rules"),
                                name=str(event.get("name")), description=event.get("description") or None)
              for index, event in enumerate(rules.get("events") or ())]
    for call in ("identify", "group"):
        if isinstance(rules.get(call), dict):
            events.append(event_from_schema(reader, rules[call], (*base, call), name=call, call=call))
    for key in ("identify_traits", "group_traits"):
        if rules.get(key):
            reader.findings.add("IM002", f"`{key}` dropped: its shape is not documented", reader.document,
                                (*base, key))
    common = _common(reader, rules["global"], (*base, "global")) if isinstance(rules.get("global"), dict) else ()
    return common, events


def _common(reader: SchemaReader, schema: dict, path: tuple) -> tuple[Property, ...]:
    props = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
    return tuple(reader.property(name, value, (*path, "properties", name)) for name, value in props.items()
                 if value not in ({}, True))


def _one_file(documents: list[RawPlan]):
    from protocol_kit.errors import InputError

    return InputError(f"a Segment tracking plan is one file; got {len(documents)}: "
                      + ", ".join(d.file for d in documents))


# --- writing ---------------------------------------------------------------------------

def plan_document(plan: Plan, findings: Findings) -> dict[str, Any]:
    """The plan as a Public API tracking plan: one rule per event, COMMON for the envelope fields."""
    rules = []
    if plan.common:
        rules.append({"key": "common", "type": "COMMON", "version": 1, "jsonSchema": {
            "$schema": DRAFT_07, "type": "object",
            "properties": {p.name: property_schema(p, default_open=True, pii_keyword=PII_EXTENSION)
                           for p in plan.common}}})
    for event in plan.events:
        rule_type = CALL_RULES.get(event.call)
        if rule_type is None:
            findings.add("IM004", f"the {event.call} call dropped: Segment rules have no {event.call.upper()} type",
                         event=event.name)
            continue
        rules.append({"key": event.name, "type": rule_type, "version": 1,
                      "jsonSchema": payload_schema(plan, event, findings)})
    document: dict[str, Any] = {"name": plan.name, "description": plan.description or "", "rules": rules}
    document["x-protocol-kit"] = plan_extensions(plan, findings)
    return document


def write(plan: Plan, path: Path, findings: Findings) -> list[Path]:
    path.write_text(dump_json(plan_document(plan, findings)), encoding="utf-8")
    return [path]


def dump_json(data: Any) -> str:
    """Sorted keys and two-space indents, as Typewriter writes plan.json: exported files diff cleanly."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
