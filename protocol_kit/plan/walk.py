"""Walk every planned property of an event, nested ones included."""
from __future__ import annotations

from typing import Iterator

from protocol_kit import pointer
from protocol_kit.plan.model import Event, Property

ARRAY_STEP = "*"  # stands for any array index in a property's pointer


def iter_properties(event: Event) -> Iterator[tuple[str, Property]]:
    """``(pointer, property)`` for every property of ``event``: ``/properties/products/*/quantity``."""
    yield from _walk(event.properties, pointer.join([event.payload_field]))


def _walk(props: tuple[Property, ...], prefix: str) -> Iterator[tuple[str, Property]]:
    for prop in props:
        at = pointer.join([prop.name], prefix)
        yield at, prop
        yield from _children(prop, at)


def _children(prop: Property, at: str) -> Iterator[tuple[str, Property]]:
    yield from _walk(prop.properties, at)
    if prop.items is not None:
        yield from _children(prop.items, f"{at}/{ARRAY_STEP}")
