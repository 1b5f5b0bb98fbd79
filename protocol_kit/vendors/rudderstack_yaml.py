"""rudder-cli YAML projects: specs of kind ``tracking-plan`` (``tp``), ``events``, ``properties``,
``custom-types`` and ``categories`` across files and folders, in both dialects:

- ``rudder/v1``: references ``#event:<id>``, ``#property:<id>``, ``#custom-type:<id>``, ``#category:<id>``;
  ``config`` with ``min_length``...; ``types``, ``item_type(s)``;
- ``rudder/0.1`` (``rudder/v0.1``): ``$ref: "#/<kind>/<group>/<id>"``; ``propConfig`` with ``minLength``...
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from protocol_kit.errors import InputError
from protocol_kit.plan.model import Event, Plan, Property, raw_schema_text
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.jsonschema_in import SchemaReader

KINDS = {"tracking-plan": "tracking-plan", "tp": "tracking-plan", "events": "events", "properties": "properties",
         "custom-types": "custom-types", "categories": "categories"}
SPEC_LIST = {"events": "events", "properties": "properties", "custom-types": "types", "categories": "categories"}
V1_REF = re.compile(r"#(event|property|custom-type|category):(.+)")
OLD_REF = re.compile(r"#/(events|properties|custom-types|categories)/([^/]+)/(.+)")
PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
# config keys -> JSON Schema keywords (both dialects' spellings)
CONFIG_KEYS = {"min_length": "minLength", "max_length": "maxLength", "multiple_of": "multipleOf",
               "exclusive_minimum": "exclusiveMinimum", "exclusive_maximum": "exclusiveMaximum",
               "min_items": "minItems", "max_items": "maxItems", "unique_items": "uniqueItems",
               "additional_properties": "additionalProperties"}
CONFIG_NOT_SCHEMA = ("itemTypes", "item_types")
KIND_OF_REF = {"event": "events", "property": "properties", "custom-type": "custom-types", "category": "categories"}


def detect(document: RawPlan) -> bool:
    data = document.data
    return isinstance(data, dict) and str(data.get("version", "")).startswith("rudder/") and data.get("kind") in KINDS


@dataclass
class Catalog:
    """Every definition of the project by kind and id, with where it was written."""

    items: dict[str, dict[str, tuple[dict, RawPlan, KeyPath]]] = field(default_factory=dict)
    plans: list[tuple[dict, RawPlan]] = field(default_factory=list)

    def add(self, document: RawPlan) -> None:
        kind = KINDS[document.data["kind"]]
        spec = document.data.get("spec") or {}
        if kind == "tracking-plan":
            self.plans.append((spec, document))
            return
        for index, item in enumerate(spec.get(SPEC_LIST[kind]) or ()):
            if isinstance(item, dict) and "id" in item:
                self.items.setdefault(kind, {})[str(item["id"])] = (item, document,
                                                                    ("spec", SPEC_LIST[kind], index))

    def find(self, ref: Any) -> tuple[str, dict, RawPlan, KeyPath] | None:
        if not isinstance(ref, str):
            return None
        match = V1_REF.fullmatch(ref) or OLD_REF.fullmatch(ref)
        if match is None:
            return None
        kind = KIND_OF_REF.get(match.group(1), match.group(1))
        found = self.items.get(kind, {}).get(match.groups()[-1])
        return (kind, *found) if found else None


def read(documents: list[RawPlan], findings: Findings, *, select: str | None = None) -> Plan:
    catalog = Catalog()
    for document in documents:
        catalog.add(document)
    plans = catalog.plans
    if select is not None:
        plans = [p for p in plans if select in (p[0].get("id"), p[0].get("display_name"))]
    if len(plans) != 1:
        names = ", ".join(f"{p[0].get('id')} ({p[1].file})" for p in plans) or "none"
        raise InputError(f"expected one tracking plan, found {len(plans)}: {names}"
                         + ("; choose one with --select ID" if len(plans) > 1 else ""))
    spec, document = plans[0]
    builder = _Builder(catalog, findings)
    events: list[Event] = []
    for index, rule in enumerate(spec.get("rules") or ()):
        event = builder.rule(rule, document, ("spec", "rules", index))
        if event is None:
            continue
        if event.call != "track" and any(e.call == event.call for e in events):
            findings.add("IM002", f"a second {event.call} rule dropped: a plan has one {event.call} call",
                         document, ("spec", "rules", index), event=event.name)
            continue
        events.append(event)
    return Plan(name=str(spec.get("display_name") or spec.get("id") or Path(document.file).stem),
                description=spec.get("description") or None, additional_properties=True, events=tuple(events),
                source=document.file)


class _Builder:
    def __init__(self, catalog: Catalog, findings: Findings):
        self.catalog = catalog
        self.findings = findings

    def rule(self, rule: dict, document: RawPlan, path: KeyPath) -> Event | None:
        if rule.get("type", "event_rule") != "event_rule" or "event" not in rule:
            self.findings.add("IM002", f"rule of type {rule.get('type')} dropped (only event rules are read)",
                              document, path)
            return None
        ref = rule["event"].get("$ref") if isinstance(rule["event"], dict) else rule["event"]
        found = self.catalog.find(ref)
        if found is None:
            self.findings.add("IM005", f"`{ref}` names no event in the files given: rule dropped", document,
                              (*path, "event"))
            return None
        _, spec, event_doc, event_path = found
        call = str(spec.get("event_type") or "track").lower()
        name = self._text(spec.get("name"), event_doc, (*event_path, "name")) or spec["id"]
        name = name if call == "track" else call
        allow = rule.get("additional_properties")
        if isinstance(rule["event"], dict) and "allow_unplanned" in rule["event"]:
            allow = rule["event"]["allow_unplanned"]
        props = self.properties(rule.get("properties") or (), document, (*path, "properties"), name)
        raw, props = self._variants(rule.get("variants") or (), props, document, (*path, "variants"), name)
        category = self.catalog.find(spec.get("category"))
        labels = (("category", str(category[1].get("name") or category[1]["id"])),) if category else ()
        if spec.get("category") and category is None:
            self.findings.add("IM005", f"`{spec['category']}` names no category", event_doc, (*event_path, "category"),
                              event=name)
        return Event(name=name, call=call, properties=props, additional_properties=allow, labels=labels,
                     description=self._text(spec.get("description"), event_doc, (*event_path, "description")),
                     json_schema=raw_schema_text(raw))

    def properties(self, refs: Any, document: RawPlan, path: KeyPath, event: str) -> tuple[Property, ...]:
        result = []
        for index, entry in enumerate(refs):
            prop = self.property(entry, document, (*path, index), event)
            if prop is not None:
                result.append(prop)
        return tuple(result)

    def property(self, entry: dict, document: RawPlan, path: KeyPath, event: str) -> Property | None:
        ref = entry.get("property", entry.get("$ref"))
        found = self.catalog.find(ref)
        if found is None:
            self.findings.add("IM005", f"`{ref}` names no property in the files given: dropped", document, path,
                              event=event)
            return None
        _, spec, prop_doc, prop_path = found
        prop = self.definition(spec, prop_doc, prop_path, event, name=str(spec.get("name") or spec["id"]))
        children = self.properties(entry.get("properties") or (), document, (*path, "properties"), event)
        return replace(prop, required=bool(entry.get("required", False)),
                       properties=prop.properties + children,
                       type="object" if children and prop.type == "any" else prop.type)

    def definition(self, spec: dict, document: RawPlan, path: KeyPath, event: str, *, name: str) -> Property:
        """A property or custom type's definition as JSON Schema, read by the one JSON Schema reader."""
        schema = self.schema(spec, document, path, event)
        reader = SchemaReader(document, self.findings, event=event)
        prop = reader.property(name, schema, path)
        description = self._text(spec.get("description"), document, (*path, "description"))
        return replace(prop, description=description if description else prop.description)

    def schema(self, spec: dict, document: RawPlan, path: KeyPath, event: str) -> dict[str, Any]:
        config = spec.get("config") or spec.get("propConfig") or {}
        schema: dict[str, Any] = {CONFIG_KEYS.get(k, k): v for k, v in config.items() if k not in CONFIG_NOT_SCHEMA}
        kinds = spec.get("types") or ([spec["type"]] if spec.get("type") else [])
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        custom = [self.catalog.find(k) for k in kinds if isinstance(k, str) and k.startswith("#")]
        for ref, found in zip([k for k in kinds if isinstance(k, str) and k.startswith("#")], custom):
            if found is None:
                self.findings.add("IM005", f"custom type `{ref}` names nothing in the files given: imported as "
                                           "any value", document, (*path, "type"), event=event)
            else:
                _, type_spec, type_doc, type_path = found
                base = self.schema(type_spec, type_doc, type_path, event)
                base.update(self._custom_properties(type_spec, type_doc, type_path, event))
                schema = {**base, **schema}
        plain = [k for k in kinds if not (isinstance(k, str) and k.startswith("#"))]
        if plain:
            schema["type"] = plain[0] if len(plain) == 1 else plain
        items = spec.get("item_types") or config.get("itemTypes") or config.get("item_types") or (
            [spec["item_type"]] if spec.get("item_type") else None)
        if items:
            schema["items"] = self.schema({"types": list(items)}, document, path, event)
        return schema

    def _custom_properties(self, spec: dict, document: RawPlan, path: KeyPath, event: str) -> dict[str, Any]:
        """The object schema of a custom type's property references (nested ones included)."""
        return self._entries_schema(spec.get("properties") or (), document, (*path, "properties"), event)

    def _entries_schema(self, entries: Any, document: RawPlan, path: KeyPath, event: str) -> dict[str, Any]:
        if not entries:
            return {}
        props, required = {}, []
        for index, entry in enumerate(entries):
            found = self.catalog.find(entry.get("property", entry.get("$ref")))
            if found is None:
                self.findings.add("IM005", f"`{entry.get('$ref') or entry.get('property')}` names no property",
                                  document, (*path, index), event=event)
                continue
            _, prop_spec, prop_doc, prop_path = found
            name = str(prop_spec.get("name") or prop_spec["id"])
            schema = {**self.schema(prop_spec, prop_doc, prop_path, event),
                      **({"description": prop_spec["description"]} if prop_spec.get("description") else {})}
            nested = self._entries_schema(entry.get("properties") or (), document, (*path, index, "properties"),
                                          event)
            if nested:
                schema = {**schema, "type": schema.get("type", "object"),
                          "properties": {**schema.get("properties", {}), **nested["properties"]},
                          "required": [*schema.get("required", ()), *nested.get("required", ())]}
            props[name] = schema
            if entry.get("required"):
                required.append(name)
        return {"type": "object", "properties": props, **({"required": required} if required else {})}

    def _variants(self, variants: Any, props: tuple[Property, ...], document: RawPlan, path: KeyPath,
                  event: str) -> tuple[dict, tuple[Property, ...]]:
        """Discriminated variants as ``if``/``then`` (kept raw); their properties are planned as optional.

        Each branch keeps the case's name and description as ``x-rudderstack-case`` so export writes it back.
        """
        branches = []
        by_name = {p.name: p for p in props}
        for vi, variant in enumerate(variants):
            found = self.catalog.find(variant.get("discriminator"))
            if found is None:
                self.findings.add("IM005", f"variant discriminator `{variant.get('discriminator')}` names nothing",
                                  document, (*path, vi), event=event)
                continue
            key = str(found[1].get("name") or found[1]["id"])
            matched: list = []
            for ci, case in enumerate(variant.get("cases") or ()):
                where = (*path, vi, "cases", ci, "properties")
                extra = self.properties(case.get("properties") or (), document, where, event)
                values = list(case.get("match") or ())
                matched.extend(values)
                about = {k: case[k] for k in ("display_name", "description") if case.get(k)}
                branches.append(variant_branch(key, {"enum": values}, extra, about))
                by_name.update({p.name: replace(p, required=False) for p in extra if p.name not in by_name})
            if variant.get("default"):
                extra = self.properties(variant["default"], document, (*path, vi, "default"), event)
                branches.append(variant_branch(key, {"not": {"enum": matched}}, extra, {"default": True}))
                by_name.update({p.name: replace(p, required=False) for p in extra if p.name not in by_name})
        if not branches:
            return {}, props
        self.findings.add("IM001", f"{len(branches)} variant case(s) kept as raw `if`/`then` JSON Schema",
                          document, path, event=event)
        return {"allOf": branches}, tuple(by_name.values())

    def _text(self, value: Any, document: RawPlan, path: KeyPath) -> str | None:
        if isinstance(value, str) and PLACEHOLDER.search(value):
            self.findings.add("IM007", f"`{value}` is a template placeholder, imported as written", document, path)
        return value if isinstance(value, str) and value else None


def variant_branch(key: str, condition: dict, props: tuple[Property, ...], about: dict) -> dict:
    """``if`` the discriminator ``key`` meets ``condition`` ``then`` the case's properties apply."""
    from protocol_kit.compile.compiler import property_schema

    then: dict[str, Any] = {"properties": {p.name: property_schema(replace(p, required=False), default_open=True)
                                           for p in props}}
    required = [p.name for p in props if p.required]
    if required:
        then["required"] = required
    if_ = {"properties": {key: condition}, "required": [key]} if "enum" in condition else {
        "not": {"properties": {key: condition["not"]}, "required": [key]}}
    return {"if": if_, "then": then, "x-rudderstack-case": about}


def record_event(reader: SchemaReader, event: dict, path: KeyPath, *, name: str, call: str,
                 labels: dict | None) -> Event:
    """An event of a Data Catalog API tracking-plan record: properties by name, without their definitions."""
    def props(entries: Any, where: KeyPath) -> tuple[Property, ...]:
        return tuple(Property(name=str(e.get("name") or e.get("id")), required=bool(e.get("required")),
                              properties=props(e.get("properties") or (), (*where, i, "properties")),
                              type="object" if e.get("properties") else "any")
                     for i, e in enumerate(entries))
    found = props(event.get("properties") or (), (*path, "properties"))
    if found:
        reader.findings.add("IM006", "properties are referenced by id without their definitions: imported "
                                     "as values of any type", reader.document, (*path, "properties"), event=name)
    if event.get("variants"):
        reader.findings.add("IM002", "variants refer to property ids without names: dropped", reader.document,
                            (*path, "variants"), event=name)
    return Event(name=name, call=call, description=event.get("description") or None, properties=found,
                 additional_properties=event.get("additionalProperties"),
                 labels=tuple(sorted((labels or {}).items())))


# --- writing: a rudder/v1 project ----------------------------------------------------------

def write(plan: Plan, path: Path, findings: Findings) -> list[Path]:
    from protocol_kit.vendors.rudderstack_write import write_project

    return write_project(plan, path, findings)

