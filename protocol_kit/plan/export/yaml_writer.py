"""A plan as YAML in the plan format: the reference every other format must load back to."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from protocol_kit.outputs import write_file
from protocol_kit.plan.model import ANY_TYPE, SCALAR_TYPES, Event, Plan, Property, raw_schema
from protocol_kit.spec import SECTION_FIELDS


def write_yaml(plan: Plan, path: Path) -> list[Path]:
    write_file(path, dump_yaml(plan).encode("utf-8"))
    return [path]


def dump_yaml(plan: Plan) -> str:
    return safe_dump(plan_to_data(plan))


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing text with a YAML line break (U+0085) double-quoted: single-quoted,
    PyYAML folds it into a newline and the text does not load back as it was."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if "\x85" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def safe_dump(data: Any) -> str:
    """Plain data as YAML that loads back to the same data, keys in their order."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan in the YAML format's shape: loading it gives back an equal plan."""
    data: dict[str, Any] = {"plan": plan.name}
    if plan.version is not None:
        data["version"] = plan.version
    if plan.description is not None:
        data["description"] = plan.description
    data["conventions"] = {"event_names": plan.conventions.event_names,
                           "property_names": plan.conventions.property_names}
    data["defaults"] = {"additional_properties": plan.additional_properties}
    if plan.common:
        data["common"] = {p.name: _envelope_field(p) for p in plan.common}
    for event in plan.events:
        if event.call != "track":
            data[event.call] = _event(event, SECTION_FIELDS[event.call])
    track: dict[str, Any] = {}
    for e in plan.track_events:
        if e.version is None:
            track[e.name] = _event(e, "properties")
        else:
            track.setdefault(e.name, {"versions": {}})["versions"][e.version] = _event(e, "properties")
    if track:
        data["events"] = track
    return data


def _event(event: Event, field: str) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    for key, value in (("description", event.description), ("owner", event.owner),
                       ("additional_properties", event.additional_properties)):
        if value is not None:
            spec[key] = value
    if event.call == "track" and event.status != "active":
        spec["status"] = event.status
    if event.labels:
        spec["labels"] = dict(event.labels)
    if event.json_schema:
        spec["json_schema"] = raw_schema(event.json_schema)
    if event.properties:
        spec[field] = {p.name: property_spec(p) for p in event.properties}
    return spec


def _envelope_field(prop: Property) -> Any:
    short = Property(name=prop.name, type="object", properties=prop.properties, additional_properties=True)
    if prop == short:
        return {p.name: property_spec(p) for p in prop.properties}
    return property_spec(prop)


def property_spec(prop: Property) -> dict[str, Any]:
    items = prop.items
    spec: dict[str, Any] = {}
    if items is not None and items.type in SCALAR_TYPES and items == Property(name="items", type=items.type):
        spec["type"] = f"{items.type}[]"
        items = None
    elif prop.type != ANY_TYPE:
        spec["type"] = prop.type
    for key in ("required", "nullable", "deprecated"):
        if getattr(prop, key):
            spec[key] = True
    for key in ("description", "enum", "pattern", "format", "minimum", "maximum", "min_length", "max_length",
                "additional_properties", "pii"):
        value = getattr(prop, key)
        if value is not None:
            spec[key] = list(value) if isinstance(value, tuple) else value
    if prop.examples:
        spec["examples"] = list(prop.examples)
    if items is not None:
        spec["items"] = property_spec(items)
    if prop.properties:
        spec["properties"] = {p.name: property_spec(p) for p in prop.properties}
    if prop.json_schema:
        spec["json_schema"] = raw_schema(prop.json_schema)
    return spec
