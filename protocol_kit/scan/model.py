"""What the scanner reads out of a tracking call, the same for every language."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

from protocol_kit.violation import Location


@dataclass(frozen=True, slots=True)
class Literal:
    """A value written out in the code: a string, number, boolean or null."""

    value: Any


@dataclass(frozen=True, slots=True)
class Choice:
    """One of several literals, from a ternary such as ``paid ? "a" : "b"``."""

    values: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Dynamic:
    """A string built at run time; ``reason`` names the construct (``template string``)."""

    reason: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A name that could not be resolved; ``why`` says what it is (``parameter``,
    ``imported from 'x' outside the scan``, ``assigned a computed value``...)."""

    name: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class ArrayValue:
    """An array or list literal; only its type is used."""


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    value: "Value"
    location: Location


@dataclass(frozen=True, slots=True)
class PropertyBag:
    """The keys of a properties object as far as the source tells them.

    ``computed_keys`` are where keys are built at run time; ``has_spread`` is
    set by ``...rest``/``**kwargs``; ``has_unresolved`` when the object (or a
    part of it) is a reference that cannot be followed. Required properties
    are only checked on a fully known bag.
    """

    entries: tuple[Entry, ...] = ()
    computed_keys: tuple[Location, ...] = ()
    has_spread: bool = False
    has_unresolved: bool = False

    @property
    def fully_known(self) -> bool:
        return not (self.has_spread or self.has_unresolved or self.computed_keys)

    def get(self, key: str) -> "Value | None":
        return next((e.value for e in self.entries if e.key == key), None)


@dataclass(frozen=True, slots=True)
class ObjectValue:
    """An object, dict, hash or map literal (or a class/enum body read as one)."""

    bag: PropertyBag


Value = Union[Literal, Choice, Dynamic, Reference, ArrayValue, ObjectValue]
UNKNOWN_BAG = PropertyBag(has_unresolved=True)


@dataclass(frozen=True, slots=True)
class EventName:
    """The event argument: literal candidates (two for a ternary), or why they are unknown.

    ``dynamic`` says how a name built at run time is built; ``reference`` is
    the name that could not be resolved (``parameter`` when it is a parameter
    of the enclosing function, as in a wrapper around the SDK) and ``why``
    tells the reason in words.
    """

    candidates: tuple[str, ...] = ()
    dynamic: str | None = None
    reference: str | None = None
    parameter: bool = False
    location: Location | None = None
    why: str | None = None

    @property
    def unresolved(self) -> bool:
        return self.reference is not None


@dataclass(frozen=True, slots=True)
class TrackingCall:
    """One call of an analytics SDK (or a configured wrapper) found in source code.

    ``kind`` is the plan call type it stands for (``track`` for ``capture`` and
    ``logEvent``); ``method`` and ``receiver`` are as written, normalised.
    """

    kind: str
    method: str
    receiver: str | None
    event: EventName
    properties: PropertyBag
    location: Location
