"""The vendor's own JSON Schema of each event's properties (or traits), read straight from the source file.

Written apart from the importers (which read the same files into the plan model): the equivalence tests
compare what the vendor's schema accepts with what the compiled import accepts.
"""
from __future__ import annotations

import json
from typing import Iterator

from vendor_support import VENDOR

# (event name, call, the schema of its properties or traits, the document its references point into)
EventSchema = tuple[str, str, dict, dict]
RULE_CALLS = {"TRACK": "track", "IDENTIFY": "identify", "GROUP": "group", "PAGE": "page"}


def event_schemas(case: dict) -> Iterator[EventSchema]:
    reader = READERS.get(case["format"])
    if reader is None:
        return
    for source in case["sources"]:
        path = VENDOR / source
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix in (".json", "") and file.name not in ("SOURCE.md", "LICENSE"):
                yield from reader(json.loads(file.read_text("utf-8-sig")))


def _field(schema: dict, call: str) -> dict:
    """The planned fields' schema inside a payload schema, or the schema itself when it is flattened."""
    props = schema.get("properties") or {}
    field = "traits" if call in ("identify", "group") else "properties"
    if props and set(props) <= {"context", "properties", "traits"}:
        return props.get(field) or {}
    return schema


def _segment(data: dict) -> Iterator[EventSchema]:
    if isinstance(data.get("rules"), list):
        for rule in data["rules"]:
            call = RULE_CALLS.get(rule.get("type"))
            if call:
                yield (rule["key"] if call == "track" else call, call, _field(rule["jsonSchema"], call),
                       rule["jsonSchema"])
        return
    events = data["rules"]["events"] if isinstance(data.get("rules"), dict) else data.get("events") or []
    for event in events:
        if "rules" not in event:  # a Data Catalog record names properties without their schemas
            continue
        call = str(event.get("eventType") or "track").lower()
        name = event["name"] if call == "track" else call
        yield name, call, _field(event["rules"], call), event["rules"]


def _iglu(data: dict) -> Iterator[EventSchema]:
    own = data["self"]
    yield f"{own['vendor']}/{own['name']}", "track", {k: v for k, v in data.items() if k not in ("self",)}, data


def _mparticle(data) -> Iterator[EventSchema]:
    """Custom events whose data holds custom attributes only (the rest is mapped onto other shapes)."""
    def points(node):
        if isinstance(node, dict):
            if "match" in node and "validator" in node:
                yield node
                return
            for value in node.values():
                yield from points(value)
        elif isinstance(node, list):
            for value in node:
                yield from points(value)
    seen: set[str] = set()
    for point in points(data):
        criteria = point["match"].get("criteria") or {}
        if criteria.get("event_name") in seen:  # import renames a second event of one name (see its golden)
            continue
        seen.add(criteria.get("event_name"))
        definition = point["validator"].get("definition") or {}
        data_schema = (definition.get("properties") or {}).get("data") or {}
        members = set((data_schema.get("properties") or {})) - {"custom_attributes"}
        if point["match"]["type"] == "custom_event" and not members and criteria.get("event_name"):
            attributes = (data_schema.get("properties") or {}).get("custom_attributes") or {}
            yield criteria["event_name"], "track", attributes, definition


def _mixpanel(data: dict) -> Iterator[EventSchema]:
    for entry in data.get("entries") or ():
        if entry["entityType"] == "event":
            yield entry["name"], "track", entry["schemaJson"], entry["schemaJson"]


def _avo(data: dict) -> Iterator[EventSchema]:
    for event in data["events"]:
        yield event["name"], "track", event["rules"]["properties"]["properties"], event["rules"]


READERS = {"segment": _segment, "rudderstack": _segment, "iglu": _iglu, "mparticle": _mparticle,
           "mixpanel": _mixpanel, "avo": _avo}
