"""The part of extraction every language shares.

A language is a :class:`Syntax`: its grammar, two queries (tracking calls and
same-file declarations) and a few small methods mapping its syntax nodes to
the values of :mod:`protocol_kit.scan.model`. :class:`SourceFile` holds one
parsed file and resolves names against the declarations found in it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterator

import tree_sitter as ts

from protocol_kit.scan.model import Choice, Dynamic, Entry, Literal, ObjectValue, PropertyBag, Reference, Value
from protocol_kit.violation import Location


@dataclass(frozen=True, slots=True)
class Arg:
    """One call argument: ``label`` is the keyword, label or hash key naming it, if any."""

    label: str | None
    node: ts.Node


@dataclass(frozen=True, slots=True)
class Callee:
    call: ts.Node
    method: str
    receiver: ts.Node | None
    args: list[Arg]


class Syntax:
    """What differs between languages. Subclasses fill the class attributes and ``read``."""

    name: str = ""
    extensions: tuple[str, ...] = ()
    grammar: Callable[[], object]
    # A query capturing @call, @method, optional @receiver and @args; ``{names}`` is
    # replaced by the quoted method and wrapper names for an ``#any-of?`` predicate.
    calls_query: str = ""
    # A query capturing @name with @value (a constant) or @body (a class, enum, module).
    declarations_query: str = ""
    # A query capturing @name for each name imported into the file (optional).
    imports_query: str = ""
    function_types: frozenset[str] = frozenset()
    identifier_types: frozenset[str] = frozenset({"identifier"})
    # Python and Ruby SDKs take the user id first: ``track(user_id, event, properties)``.
    user_id_first: bool = False
    member_separator: str = "."

    @functools.cached_property
    def language(self) -> ts.Language:
        return ts.Language(self.grammar())

    @functools.cached_property
    def parser(self) -> ts.Parser:
        return ts.Parser(self.language)

    @functools.cache
    def query_for(self, names: tuple[str, ...]) -> ts.Query:
        quoted = " ".join(f'"{name}"' for name in names)
        return ts.Query(self.language, self.calls_query.replace("{names}", quoted))

    @functools.cached_property
    def declarations(self) -> ts.Query:
        return ts.Query(self.language, self.declarations_query)

    @functools.cached_property
    def imports(self) -> ts.Query:
        return ts.Query(self.language, self.imports_query)

    def arguments(self, args: ts.Node, source: "SourceFile") -> list[Arg]:
        return [Arg(None, node) for node in args.named_children if node.type != "comment"]

    def read_pairs(self, node: ts.Node, source: "SourceFile", *, spread: str) -> Value:
        """A dictionary or hash literal of ``pair`` children; ``spread`` names the splat node (``**rest``)."""
        bag = BagBuilder(source)
        for child in node.named_children:
            if child.type == "pair":
                key = child.child_by_field_name("key")
                bag.pair(self.read(key, source), key, child.child_by_field_name("value"))
            elif child.type == spread:
                bag.spread(child.named_children[0])
            elif child.type != "comment":
                bag.has_unresolved = True
        return bag.build()

    def read(self, node: ts.Node, source: "SourceFile") -> Value:
        raise NotImplementedError

    def imported_names(self, source: "SourceFile") -> frozenset[str]:
        """Names imported into the file, for bare calls such as ``track("Signed Up")``."""
        if not self.imports_query:
            return frozenset()
        cursor = ts.QueryCursor(self.imports)
        return frozenset(source.text(n) for n in cursor.captures(source.tree.root_node).get("name", ()))

    def receiver_text(self, node: ts.Node, source: "SourceFile") -> str:
        return source.text(node)


MAX_VALUE_DEPTH = 64  # object literals nested deeper are not read (a file of generated data, or an attack)
NESTED_TOO_DEEPLY = "<nested too deeply>"


class SourceFile:
    """One parsed file: text, character columns and same-file name resolution."""

    def __init__(self, syntax: Syntax, data: bytes, path: str):
        self.syntax = syntax
        self.data = data
        self.path = path
        self.tree = syntax.parser.parse(data)
        self._ascii = data.isascii()
        self._scope: dict[str, ts.Node] | None = None
        self._resolving: set[str] = set()
        self._declarable: dict[str, bool] = {}
        self._depth = 0

    def text(self, node: ts.Node) -> str:
        return self.data[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def location(self, node: ts.Node) -> Location:
        row, byte_column = node.start_point
        if self._ascii:
            column = byte_column
        else:
            line_start = node.start_byte - byte_column
            column = len(self.data[line_start:node.start_byte].decode("utf-8", "replace"))
        return Location(file=self.path, line=row + 1, column=column + 1)

    def in_comment(self, offset: int) -> bool:
        node = self.tree.root_node.descendant_for_byte_range(offset, offset + 1)
        return node is not None and "comment" in node.type

    def value(self, node: ts.Node) -> Value:
        """The value of an expression; literals nested deeper than ``MAX_VALUE_DEPTH`` are not read."""
        if self._depth >= MAX_VALUE_DEPTH:
            return Reference(NESTED_TOO_DEEPLY)
        self._depth += 1
        try:
            return self.syntax.read(node, self)
        finally:
            self._depth -= 1

    def resolve(self, name: str) -> Value:
        """The value of a constant, enum case or object member defined in this file."""
        if name in self._resolving:
            return Reference(name)
        if self._scope is None and not self._may_declare(name.split(".")[0]):
            return Reference(name)
        node = self.scope.get(name)
        if node is None:
            return self._resolve_member(name)
        self._resolving.add(name)
        try:
            return self.value(node)
        finally:
            self._resolving.discard(name)

    def _resolve_member(self, name: str) -> Value:
        head, dot, last = name.rpartition(".")
        if not dot:
            return Reference(name)
        if last in ("value", "rawValue", "name"):  # Python and Swift enum values
            inner = self.resolve(head)
            if not isinstance(inner, Reference):
                return inner
        parent = self.resolve(head)
        if isinstance(parent, ObjectValue):
            member = parent.bag.get(last)
            if member is not None:
                return member
        return Reference(name)

    def _may_declare(self, root: str) -> bool:
        """Whether the text could declare ``root`` at all (``root =``, ``root: T =``, ``enum root``...).

        A cheap test that spares the declarations query in the many files that
        only pass variables, parameters and imports to tracking calls.
        """
        if root not in self._declarable:
            name = re.escape(root).encode()
            pattern = (rb"(?<![\w.$])" + name + rb"\s*(?::[^=\n;]*)?=(?![=>~])"
                       rb"|\b(?:class|enum|module|object|interface|struct)\s+" + name + rb"\b")
            self._declarable[root] = re.search(pattern, self.data) is not None
        return self._declarable[root]

    @property
    def scope(self) -> dict[str, ts.Node]:
        if self._scope is None:
            self._scope = self._declarations()
        return self._scope

    def _declarations(self) -> dict[str, ts.Node]:
        containers: dict[int, str] = {}
        scope: dict[str, ts.Node] = {}
        cursor = ts.QueryCursor(self.syntax.declarations)
        for _, captures in cursor.matches(self.tree.root_node):
            name_node = captures["name"][0]
            prefix = self._container_of(name_node, containers)
            name = self.text(name_node)
            qualified = f"{prefix}.{name}" if prefix else name
            if "body" in captures:
                containers[captures["body"][0].id] = qualified
            elif "value" in captures:
                scope.setdefault(qualified, captures["value"][0])
                scope.setdefault(name, captures["value"][0])
        return scope

    @staticmethod
    def _container_of(node: ts.Node, containers: dict[int, str]) -> str:
        parent = node.parent
        while parent is not None:
            if parent.id in containers:
                return containers[parent.id]
            parent = parent.parent
        return ""

    def parameters_around(self, node: ts.Node) -> set[str]:
        """Parameter names of the functions enclosing ``node``."""
        names: set[str] = set()
        parent = node.parent
        while parent is not None:
            if parent.type in self.syntax.function_types:
                for index, child in enumerate(parent.children):
                    field = parent.field_name_for_child(index)
                    if "parameter" in child.type or field in ("parameter", "parameters"):
                        names.update(self.text(n) for n in _descendants(child, self.syntax.identifier_types))
            parent = parent.parent
        return names

    def syntax_error(self) -> ts.Node | None:
        """The first ERROR or MISSING node, when the file does not parse cleanly."""
        node = self.tree.root_node
        if not node.has_error:
            return None
        while True:
            if node.is_error or node.is_missing:
                return node
            node = next((c for c in node.children if c.has_error or c.is_missing), None)
            if node is None:
                return None


def _descendants(node: ts.Node, types: frozenset[str]) -> Iterator[ts.Node]:
    if node.type in types:
        yield node
    for child in node.named_children:
        yield from _descendants(child, types)


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
