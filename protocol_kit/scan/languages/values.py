"""Values as the languages read them: object literals (:class:`BagBuilder`), concatenation,
numbers, ternaries, negation, and the one value several files agree on."""
from __future__ import annotations

from typing import TYPE_CHECKING

import tree_sitter as ts

from protocol_kit.scan.model import Choice, Dynamic, Entry, Literal, ObjectValue, PropertyBag, Reference, Value

if TYPE_CHECKING:
    from protocol_kit.scan.languages.base import SourceFile
    from protocol_kit.violation import Location


class BagBuilder:
    """Collects the pairs, spreads and computed keys of an object literal."""

    def __init__(self, source: SourceFile):
        self.source = source
        self.entries: list[Entry] = []
        self.computed: list[Location] = []
        self.has_spread = False
        self.has_unresolved = False

    def pair(self, key: Value, key_node: ts.Node, value_node: ts.Node) -> None:
        if isinstance(key, Literal) and isinstance(key.value, str):
            entry = Entry(key.value, self.source.value(value_node), self.source.location(key_node))
            self.entries.append(entry)
        else:
            self.computed.append(self.source.location(key_node))

    def spread(self, node: ts.Node) -> None:
        """``...rest`` or ``**kwargs``: merged when it is a known object, else the bag is open."""
        value = self.source.value(node)
        if isinstance(value, ObjectValue) and value.bag.fully_known:
            self.entries.extend(value.bag.entries)
        else:
            self.has_spread = True

    def build(self) -> ObjectValue:
        return ObjectValue(PropertyBag(tuple(self.entries), tuple(self.computed),
                                       self.has_spread, self.has_unresolved))


def agreed_value(values: list[Value], name: str, missing: str) -> Value:
    """The value every file defining ``name`` agrees on; unresolved when none does or they differ."""
    known = [v for v in values if not isinstance(v, Reference)]
    if not values:
        return Reference(name, missing)
    if not known:
        return values[0]
    if len({repr(v) for v in known}) > 1:
        return Reference(name, f"defined differently in {len(known)} files")
    return known[0]


def concatenation(parts: list[Value]) -> Value:
    """``"a" + b``: literal only when every part is a literal string."""
    if all(isinstance(p, Literal) and isinstance(p.value, str) for p in parts):
        return Literal("".join(p.value for p in parts))  # type: ignore[union-attr]
    return Dynamic("concatenation")


def number(text: str) -> Value:
    """A numeric literal in any of the languages (``1_000``, ``1L``, ``2.5f``, ``0x1F``)."""
    if not text.lower().startswith("0x"):
        text = text.replace("_", "").rstrip("nLlFfDdUu")
    try:
        return Literal(int(text, 0))
    except ValueError:
        try:
            return Literal(float(text))
        except ValueError:
            return Reference(text)


def choice(*values: Value) -> Value:
    """A ternary: a :class:`Choice` of its literal branches, else the dynamic branch if any."""
    if all(isinstance(v, Literal) for v in values):
        return Choice(tuple(v.value for v in values))  # type: ignore[union-attr]
    return next((v for v in values if isinstance(v, Dynamic)), Reference("conditional"))


def negative(value: Value) -> Value:
    """``-1``: the negated number; any other negation is not a literal."""
    if isinstance(value, Literal) and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
        return Literal(-value.value)
    return Reference("negation")
