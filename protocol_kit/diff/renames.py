"""Possible renames: a removed and an added property (or event) of the same shape with close names.

Candidates are found by shape first (a dict lookup), so pairing stays linear
however many properties were removed and added; names are then compared by
edit distance: ``orderId`` and ``order_id`` (same words), ``total`` and
``totals`` (one edit) are close, ``coupon`` and ``discount`` are not.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Hashable, Sequence, TypeVar

from protocol_kit.plan.model import Event, Property
from protocol_kit.plan.naming import normal_form

T = TypeVar("T", Property, Event)


def property_shape(prop: Property) -> Hashable:
    """The property without what a rename may change: its name, description and examples."""
    return replace(prop, name="", description=None, examples=(), deprecated=False)


def event_shape(event: Event) -> Hashable:
    return replace(event, name="", description=None, owner=None, status="active")


def pair_renames(removed: Sequence[T], added: Sequence[T],
                 shape: Callable[[Any], Hashable] | None = None) -> list[tuple[T, T]]:
    """(old, new) pairs, each item in at most one pair, in the order of ``removed``."""
    shape = shape or (event_shape if removed and isinstance(removed[0], Event) else property_shape)
    by_shape: dict[Any, list[T]] = {}
    for item in added:
        key = _key(shape, item)
        if key is not None:
            by_shape.setdefault(key, []).append(item)
    pairs = []
    for old in removed:
        candidates = by_shape.get(_key(shape, old), [])
        match = next((new for new in candidates if close_names(old.name, new.name)), None)
        if match is not None:
            candidates.remove(match)
            pairs.append((old, match))
    return pairs


def close_names(a: str, b: str) -> bool:
    """Same words in another case or separator, or a few edits apart (at most 2, fewer for short names)."""
    if normal_form(a) == normal_form(b) and normal_form(a):
        return True
    limit = max(1, min(2, min(len(a), len(b)) // 3))
    return edit_distance(a.lower(), b.lower(), limit) <= limit


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _key(shape: Callable[[Any], Hashable], item: Any) -> Hashable | None:
    try:
        key = shape(item)
        hash(key)
        return key
    except TypeError:  # an unhashable value (a list in examples or enum): no rename for it
        return None
