"""What each format can hold of a plan: the plan with everything else taken out, for round-trip tests.

Each exporter reports what it leaves out (IM004); these functions say the same thing independently, so a
test can check that ``import(export(plan))`` equals the plan restricted to them, and that whatever they
take out was reported.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.vendors.conventions import detect_conventions
from protocol_kit.vendors.rudderstack_write import type_list_only
from protocol_kit.vendors.normal import comparable

CALLS = {
    "segment": ("track", "identify", "group", "page"),
    "segment-terraform": ("track", "identify", "group", "page"),
    "rudderstack": ("track", "identify", "group", "page", "screen"),
    "mparticle": ("track", "identify"),
    "iglu": ("track",),
    "mixpanel": ("track", "identify"),
    "avo": ("track",),
    "opentrackplan": ("track",),
}
VERSIONLESS = ("rudderstack", "segment-terraform")
KEEPS_COMMON = ("segment", "segment-terraform")
LABEL_PREFIXES = {"rudderstack": ("category",), "mixpanel": ("mixpanel.",), "avo": ("avo.",),
                  "opentrackplan": ("taxonomy.", "opentp.")}


def held(plan: Plan, format: str) -> Plan:
    """``plan`` as ``format`` can hold it, in comparable form."""
    plan = comparable(plan)
    events = tuple(_event(e, format, plan) for e in plan.events if e.call in CALLS[format])
    plan = replace(plan, events=events, common=plan.common if format in KEEPS_COMMON else ())
    if format in VERSIONLESS:  # neither keeps the plan's version or conventions: import detects these
        plan = detect_conventions(replace(plan, version=None))
    return comparable(plan)


def _event(event: Event, format: str, plan: Plan) -> Event:
    prefixes = LABEL_PREFIXES.get(format)
    if prefixes is not None:
        event = replace(event, labels=tuple(l for l in event.labels if l[0].startswith(prefixes)))
    if format == "rudderstack":
        variants = "x-rudderstack-case" in (event.json_schema or "")
        event = replace(event, owner=None, status="active", json_schema=event.json_schema if variants else None,
                        properties=tuple(_property(p, _rudderstack) for p in event.properties))
    if format == "opentrackplan":
        event = replace(event, json_schema=None, additional_properties=plan.additional_properties,
                        properties=tuple(_property(p, _opentrackplan) for p in event.properties))
    return event


def _property(prop: Property, change: Callable[[Property], Property]) -> Property:
    prop = change(prop)
    return replace(prop, properties=tuple(_property(p, change) for p in prop.properties),
                   items=_property(prop.items, change) if prop.items is not None else None)


def _rudderstack(prop: Property) -> Property:
    """rudder-cli properties name the type of an array's elements; objects become custom types."""
    items = prop.items
    if items is not None and items.type == "any" and items == Property(name="items"):
        items = None  # elements of any type: the same as saying nothing about them
    if items is not None and type_list_only(items):
        pass  # written as item_types
    elif items is not None and not (items.type == "object" and items.properties and not (
            items.nullable or items.json_schema or items.pii is not None or items.enum is not None)):
        if items != Property(name="items", type=items.type) or items.type in ("datetime", "date", "email", "uri",
                                                                               "uuid"):
            items = Property(name="items", type=items.json_type or "any")
    elif items is not None:
        items = replace(items, required=False, nullable=False, pattern=None, format=None, minimum=None,
                        maximum=None, min_length=None, max_length=None, examples=(), deprecated=False)
    return replace(prop, pii=None, examples=(), deprecated=False, items=items)


def _opentrackplan(prop: Property) -> Property:
    return replace(prop, nullable=False)
