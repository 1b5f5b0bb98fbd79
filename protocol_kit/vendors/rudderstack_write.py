"""A plan as a rudder-cli project in the ``rudder/v1`` dialect: ``events.yaml``, ``properties.yaml``,
``categories.yaml`` and ``tracking-plan.yaml`` in one folder."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from protocol_kit.plan.export.yaml_writer import safe_dump
from protocol_kit.plan.model import ANY_TYPE, Event, Plan, Property, raw_schema
from protocol_kit.vendors.document import Findings

# rudder-cli config keys for the plan's constraints
CONFIG = (("enum", "enum"), ("pattern", "pattern"), ("format", "format"), ("minimum", "minimum"),
          ("maximum", "maximum"), ("min_length", "min_length"), ("max_length", "max_length"))


def write_project(plan: Plan, folder: Path, findings: Findings) -> list[Path]:
    writer = _Project(plan, findings)
    rules = [writer.rule(event) for event in plan.events]
    files = {
        "events.yaml": _dump("events", "events", {"events": writer.events}),
        "properties.yaml": _dump("properties", "properties", {"properties": list(writer.properties.values())}),
        "tracking-plan.yaml": _dump("tracking-plan", writer.plan_id, {
            "id": writer.plan_id, "display_name": plan.name, **({"description": plan.description}
                                                                if plan.description else {}),
            "rules": rules}),
    }
    if writer.types:
        files["custom-types.yaml"] = _dump("custom-types", "custom_types", {"types": list(writer.types.values())})
    if writer.categories:
        files["categories.yaml"] = _dump("categories", "categories", {"categories": [
            {"id": key, "name": name} for name, key in writer.categories.items()]})
    writer.report_plan_level()
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


def _dump(kind: str, name: str, spec: dict) -> str:
    return safe_dump({"version": "rudder/v1", "kind": kind, "metadata": {"name": name}, "spec": spec})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "item"


class _Project:
    def __init__(self, plan: Plan, findings: Findings):
        self.plan = plan
        self.findings = findings
        self.plan_id = _slug(plan.name)
        self.events: list[dict] = []
        self.properties: dict[str, dict] = {}  # id -> definition
        self.categories: dict[str, str] = {}  # name -> id
        self.types: dict[str, dict] = {}  # custom type id -> definition
        self._event_ids: set[str] = set()

    def rule(self, event: Event) -> dict:
        event_id = self._unique(_slug(event.name), self._event_ids)
        self._event_ids.add(event_id)
        spec: dict[str, Any] = {"id": event_id}
        if event.call == "track":
            spec["name"] = event.name
        spec["event_type"] = event.call
        if event.description:
            spec["description"] = event.description
        labels = dict(event.labels)
        category = labels.pop("category", None)
        if category:
            spec["category"] = f"#category:{self.categories.setdefault(category, _slug(category))}"
        self.events.append(spec)
        self._report_event(event, labels)
        allow = self.plan.additional_properties if event.additional_properties is None else event.additional_properties
        rule: dict[str, Any] = {"type": "event_rule", "id": f"{event_id}_rule", "event": f"#event:{event_id}",
                                "additional_properties": allow}
        variants, in_cases = self.variants(event)
        own = [p for p in event.properties if p.required or p.name not in in_cases]
        if own:
            rule["properties"] = [self.entry(p, event) for p in own]
        if variants:
            rule["variants"] = variants
        return rule

    def variants(self, event: Event) -> tuple[list[dict], set[str]]:
        """Variant cases read back from the ``if``/``then`` branches import wrote, and the properties they name
        (nothing when the event's raw schema is anything else)."""
        raw = raw_schema(event.json_schema)
        branches = raw.get("allOf") if set(raw) == {"allOf"} else None
        if not branches or not all(isinstance(b, dict) and "x-rudderstack-case" in b for b in branches):
            return [], set()
        by_name = {p.name: p for p in event.properties}
        result: dict[str, dict] = {}
        names: set[str] = set()
        for branch in branches:
            condition = branch["if"].get("properties") or branch["if"].get("not", {}).get("properties") or {}
            (key, test), = condition.items()
            variant = result.setdefault(key, {"type": "discriminator",
                                              "discriminator": f"#property:{self.define(by_name[key], event)}",
                                              "cases": []})
            then = branch["then"]
            required = set(then.get("required") or ())
            entries = [{"property": f"#property:{self.define(by_name[name], event)}", "required": name in required}
                       for name in then.get("properties") or {}]
            names.update(then.get("properties") or {})
            about = branch["x-rudderstack-case"]
            if about.get("default"):
                variant["default"] = entries
            else:
                variant["cases"].append({**{k: about[k] for k in ("display_name", "description") if k in about},
                                         "match": list(test["enum"]), "properties": entries})
        return list(result.values()), names

    def entry(self, prop: Property, event: Event) -> dict:
        entry: dict[str, Any] = {"property": f"#property:{self.define(prop, event)}", "required": prop.required}
        if prop.properties:
            entry["properties"] = [self.entry(child, event) for child in prop.properties]
        return entry

    def define(self, prop: Property, event: Event) -> str:
        definition = {"name": prop.name, **self._definition(prop, event)}
        for key, existing in self.properties.items():
            if {k: v for k, v in existing.items() if k != "id"} == definition:
                return key
        key = self._unique(_slug(prop.name), set(self.properties))
        self.properties[key] = {"id": key, **definition}
        return key

    def _definition(self, prop: Property, event: Event) -> dict[str, Any]:
        definition: dict[str, Any] = {}
        if prop.description:
            definition["description"] = prop.description
        kind = None if prop.type == ANY_TYPE else (prop.json_type or prop.type)
        if kind and prop.nullable:
            definition["types"] = [kind, "null"]
        elif kind:
            definition["type"] = kind
        config = {name: (list(value) if isinstance(value, tuple) else value)
                  for field, name in CONFIG if (value := getattr(prop, field)) is not None}
        if prop.implied_format and "format" not in config:
            config["format"] = prop.implied_format
        if prop.type == "object" and prop.additional_properties is not None:
            config["additional_properties"] = prop.additional_properties
        extra = raw_schema(prop.json_schema)
        if isinstance(extra.get("type"), (list, str)) and "type" not in definition and "types" not in definition:
            written = extra.pop("type")
            definition["types" if isinstance(written, list) else "type"] = written
        if extra:
            config.update(extra)
            self.findings.add("IM003", f"'{prop.name}': raw JSON Schema {sorted(extra)} written into `config`",
                              event=event.name)
        if config:
            definition["config"] = config
        if prop.items is not None:
            self._items(prop.items, definition, prop, event)
        for what, present in (("pii", prop.pii is not None), ("examples", bool(prop.examples)),
                              ("deprecated", prop.deprecated)):
            if present:
                self.findings.add("IM004", f"'{prop.name}': `{what}` dropped: rudder-cli properties have no such key",
                                  event=event.name)
        return definition

    def custom_type(self, items: Property, prop: Property, event: Event) -> str:
        """An object custom type for the elements of an array of objects; its id."""
        props = [self.entry(child, event) for child in items.properties]
        definition: dict[str, Any] = {"name": f"{prop.name} item", "type": "object", "properties": props}
        if items.description:
            definition["description"] = items.description
        if items.additional_properties is not None:
            definition["config"] = {"additional_properties": items.additional_properties}
        for key, existing in self.types.items():
            if {k: v for k, v in existing.items() if k != "id"} == definition:
                return key
        key = self._unique(_slug(f"{event.name} {len(self.types) + 1}"), set(self.types))
        self.types[key] = {"id": key, **definition}
        return key

    def _items(self, items: Property, definition: dict, prop: Property, event: Event) -> None:
        if type_list_only(items):
            definition["item_types"] = raw_schema(items.json_schema)["type"]
            return
        if items.type == "object" and items.properties and not (
                items.nullable or items.json_schema or items.pii is not None or items.enum is not None):
            definition["item_types"] = [f"#custom-type:{self.custom_type(items, prop, event)}"]
            return
        if items == Property(name="items", type=items.type) and items.type not in ("datetime", "date", "email",
                                                                                   "uri", "uuid"):
            if items.type != ANY_TYPE:
                definition["item_type"] = items.type
            return
        if items.type != ANY_TYPE:
            definition["item_type"] = items.json_type or items.type
        self.findings.add("IM004", f"'{prop.name}': the schema of its elements dropped beyond their type: "
                                   "rudder-cli array properties name item types only", event=event.name)

    def _report_event(self, event: Event, labels: dict) -> None:
        raw = event.json_schema if not self.variants(event)[0] else None
        for what, present in (("owner", event.owner), ("status deprecated", event.deprecated),
                              (f"labels {sorted(labels)}", labels), ("raw JSON Schema", raw)):
            if present:
                self.findings.add("IM004", f"{what} dropped: rudder-cli events have no such key", event=event.name)

    def report_plan_level(self) -> None:
        if self.plan.common:
            self.findings.add("IM004", "common (envelope) fields dropped: rudder-cli tracking plans have none")
        if self.plan.version is not None:
            self.findings.add("IM004", "the plan's version dropped: rudder-cli specs have no such key")

    @staticmethod
    def _unique(key: str, taken: set[str]) -> str:
        candidate, number = key, 2
        while candidate in taken:
            candidate, number = f"{key}_{number}", number + 1
        return candidate


def type_list_only(items: Property) -> bool:
    """Elements of one of several types and nothing else: rudder-cli's ``item_types``."""
    raw = raw_schema(items.json_schema)
    return items == Property(name="items", json_schema=items.json_schema) and set(raw) == {"type"} and isinstance(
        raw["type"], list)
