"""Walk every planned property of an event, nested ones included."""
from __future__ import annotations

from typing import Iterator

from protocol_kit.plan.model import Event, Property

ARRAY_STEP = "*"  # stands for any array index in a property's pointer


def iter_properties(event: Event) -> Iterator[tuple[str, Property]]:
    """``(pointer, property)`` for every property of ``event``: ``/properties/products/*/quantity``."""
    yield from _walk(event.properties, f"/{event.payload_field}")


def _walk(props: tuple[Property, ...], prefix: str) -> Iterator[tuple[str, Property]]:
    for prop in props:
        pointer = f"{prefix}/{prop.name}"
        yield pointer, prop
        yield from _children(prop, pointer)


def _children(prop: Property, pointer: str) -> Iterator[tuple[str, Property]]:
    yield from _walk(prop.properties, pointer)
    if prop.items is not None:
        yield from _children(prop.items, f"{pointer}/{ARRAY_STEP}")
