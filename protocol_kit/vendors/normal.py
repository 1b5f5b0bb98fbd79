"""The normal form of a plan: one way of writing each meaning, so that round trips can be compared.

Two plans with the same normal form compile to schemas that accept the same
payloads. Defaults are written out (``additional_properties`` resolved from
the plan's default as the compiler resolves it) and string formats the plan
has a type for become that type; an empty description is no description. Importers return plans in
this form, and exporters write it.
"""
from __future__ import annotations

from dataclasses import replace

from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.vendors.jsonschema_in import FORMAT_TYPES


def normal_plan(plan: Plan) -> Plan:
    default = plan.additional_properties
    events = tuple(_event(event, default) for event in plan.events)
    common = tuple(_property(prop, default_open=True) for prop in plan.common)
    return replace(plan, additional_properties=True, events=events, common=common)


def _event(event: Event, default: bool) -> Event:
    allow = default if event.additional_properties is None else event.additional_properties
    return replace(event, additional_properties=allow, labels=tuple(sorted(event.labels)),
                   description=event.description or None,
                   properties=tuple(_property(p, default_open=default) for p in event.properties))


def _property(prop: Property, *, default_open: bool) -> Property:
    kind, fmt = prop.type, prop.format
    if kind == "string" and fmt in FORMAT_TYPES:
        kind, fmt = FORMAT_TYPES[fmt], None
    enum = prop.enum
    if enum is not None and prop.nullable:
        enum = tuple(v for v in enum if v is not None)
    additional = prop.additional_properties
    if kind == "object" and prop.properties and additional is None:
        additional = default_open
    items = _property(prop.items, default_open=default_open) if prop.items is not None else None
    children = tuple(_property(p, default_open=default_open) for p in prop.properties)
    return replace(prop, type=kind, format=fmt, enum=enum, additional_properties=additional, items=items,
                   properties=children, description=prop.description or None)


def comparable(plan: Plan) -> Plan:
    """The normal form with events and properties sorted by name: formats that write sorted keys (as
    Typewriter does) or one file per event keep the plan's meaning but not the order it was written in."""
    plan = normal_plan(plan)
    events = sorted((replace(e, properties=_sorted(e.properties)) for e in plan.events), key=lambda e: (e.call, e.name))
    return replace(plan, common=_sorted(plan.common), events=tuple(events))


def _sorted(props: tuple[Property, ...]) -> tuple[Property, ...]:
    return tuple(sorted((replace(p, properties=_sorted(p.properties),
                                 items=_sorted((p.items,))[0] if p.items is not None else None) for p in props),
                        key=lambda p: p.name))
