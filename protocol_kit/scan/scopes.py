"""Where each name of a file is defined, scope by scope.

A name is looked up from the place it is used outwards: the nearest
enclosing function or block that declares it wins, a parameter of an
enclosing function stops the search (a wrapper's ``name`` is never some other
function's local ``name``), and every later assignment to the variable in the
declaring scope counts too, so ``let name = "A"; if (x) name = "B"`` is read
as one of ``"A"`` and ``"B"``. Members of classes, enums and objects are also
kept under their qualified name (``Events.SIGNED_UP``), visible everywhere.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, NamedTuple

import tree_sitter as ts

from protocol_kit.scan.model import Reference

if TYPE_CHECKING:
    from protocol_kit.scan.languages.base import SourceFile
    from protocol_kit.scan.model import Value

ROOT = 0  # the scope id of the file itself
FULL_PASS_AFTER = 8  # places a word is spelled beyond which the whole file is read at once


class Binding(NamedTuple):
    """One definition of a name: its value node (None for ``let x;``) and the scope declaring it."""

    value: "ts.Node | Value | None"
    scope: int
    start: int
    end: int


class Lookup(NamedTuple):
    """What a name stands for where it is used: the value nodes assigned to it, or a parameter."""

    values: tuple = ()
    parameter: bool = False

    @property
    def found(self) -> bool:
        return self.parameter or bool(self.values)


NOT_FOUND = Lookup()


class Scopes:
    """The declarations, assignments and parameters of one parsed file."""

    def __init__(self, source: "SourceFile"):
        self.source = source
        syntax = source.syntax
        self.scope_types = syntax.function_types | syntax.block_types
        self.bindings: dict[str, list[Binding]] = {}
        self.assignments: dict[str, list[ts.Node]] = {}
        self.containers: dict[int, str] = {}
        self._parameters: dict[int, frozenset[str]] = {}
        self._indexed: set[str] = set()
        self._seen: set[tuple[int, int]] = set()
        self._complete = False
        syntax.bind_members(self)

    def index(self, name: str) -> None:
        """Read the declarations and assignments of every part of ``name`` (``Events.SIGNED_UP``).

        The query runs only around the places the text spells the word, not over
        the whole tree: most files define thousands of names and a scan asks for a few.
        """
        if self._complete:
            return
        for word in name.split("."):
            if word and word not in self._indexed:
                self._indexed.add(word)
                pattern = re.compile(rb"(?<![\w$])" + re.escape(word.encode()) + rb"(?![\w$])")
                places = [found.span() for found in pattern.finditer(self.source.data)]
                if len(places) > FULL_PASS_AFTER:  # a common word: one pass over the whole file is cheaper
                    self._complete = True
                    self._index_range(0, len(self.source.data))
                    return
                for start, end in places:
                    self._index_range(start, end)

    def _index_range(self, start: int, end: int) -> None:
        source = self.source
        cursor = ts.QueryCursor(source.syntax.scope_query)
        cursor.set_byte_range(start, end)
        declarations = source.syntax.declaration_patterns
        for pattern, captures in cursor.matches(source.tree.root_node):
            name_node = (captures.get("name") or captures["unknown"])[0]
            key = (name_node.start_byte, pattern)
            if key in self._seen:
                continue
            self._seen.add(key)
            if pattern >= declarations:
                self.assignments.setdefault(source.text(name_node), []).append(captures["value"][0])
            elif "unknown" in captures:  # a loop variable, a destructured name, a caught exception
                name = source.text(name_node)
                self._declare(name_node, Reference(name, "bound by a loop, a pattern or a catch clause"))
            elif "body" in captures:
                prefix = self._container_of(name_node)
                name = source.text(name_node)
                self.containers[captures["body"][0].id] = f"{prefix}.{name}" if prefix else name
            else:
                self._declare(name_node, captures.get("value", [None])[0])

    def _declare(self, name_node: ts.Node, value: "ts.Node | Value | None") -> None:
        source = self.source
        prefix = self._container_of(name_node)
        name = source.text(name_node)
        scope = self._scope_of(name_node)
        self._bind(name, Binding(value, scope.id if scope else ROOT, *_span(scope, source)))
        if prefix:
            self._bind(f"{prefix}.{name}", Binding(value, ROOT, 0, len(source.data)))

    def _bind(self, name: str, binding: Binding) -> None:
        self.bindings.setdefault(name, []).append(binding)

    def bind_member(self, anchor: ts.Node, name: str, value: "ts.Node | Value") -> None:
        """Bind ``name`` inside the class, enum or object holding ``anchor``, visible everywhere."""
        self._index_range(anchor.start_byte, anchor.end_byte)  # the containers around the anchor
        prefix = self._container_of(anchor)
        self._bind(f"{prefix}.{name}" if prefix else name, Binding(value, ROOT, 0, len(self.source.data)))

    def bind_global(self, name: str, value: "ts.Node | Value") -> None:
        """Bind ``name`` as it is written, visible everywhere in the file."""
        self._bind(name, Binding(value, ROOT, 0, len(self.source.data)))

    def container_name(self, body: ts.Node) -> str | None:
        return self.containers.get(body.id)

    def defines(self, root: str) -> bool:
        """Whether the file defines ``root`` itself, as a variable or as a class, enum or object."""
        self.index(root)
        return root in self.bindings or any(name.split(".")[0] == root for name in self.containers.values()) \
            or any(name.split(".")[0] == root for name in self.bindings)

    def names_ending(self, name: str) -> list[str]:
        """Qualified names of the file ending with ``name`` (``Analytics.Events.SIGNED_UP`` for ``Events.SIGNED_UP``)."""
        self.index(name)
        return [key for key in self.bindings if key.endswith("." + name)]

    def _container_of(self, node: ts.Node) -> str:
        parent = node.parent
        while parent is not None:
            if parent.id in self.containers:
                return self.containers[parent.id]
            parent = parent.parent
        return ""

    def _scope_of(self, node: ts.Node) -> ts.Node | None:
        """The innermost function or block around ``node``; a function's own name belongs outside it."""
        parent = node.parent
        while parent is not None and (parent.type not in self.scope_types or _names(parent, node)):
            parent = parent.parent
        return parent

    def lookup(self, name: str, at: ts.Node | None) -> Lookup:
        """The definitions of ``name`` visible at ``at`` (None: at the top of the file)."""
        self.index(name)
        root = name.split(".")[0]
        bindings = self.bindings.get(name, ())
        for scope in self._scopes_around(at):
            if scope is not None and scope.type in self.source.syntax.function_types \
                    and root in self.parameters(scope):
                return Lookup(parameter=True)
            scope_id = scope.id if scope is not None else ROOT
            here = [b for b in bindings if b.scope == scope_id]
            if here:
                start, end = here[0].start, here[0].end
                later = [n for n in self.assignments.get(name, ()) if start <= n.start_byte < end]
                return Lookup(tuple(b.value for b in here) + tuple(later))
        return NOT_FOUND

    def _scopes_around(self, node: ts.Node | None) -> Iterator[ts.Node | None]:
        parent = node.parent if node is not None else None
        while parent is not None:
            if parent.type in self.scope_types:
                yield parent
            parent = parent.parent
        yield None

    def parameters(self, function: ts.Node) -> frozenset[str]:
        """The names a function takes as parameters."""
        if function.id not in self._parameters:
            names: set[str] = set()
            for index, child in enumerate(function.children):
                field = function.field_name_for_child(index)
                if "parameter" in child.type or field in ("parameter", "parameters"):
                    names.update(self.source.text(n) for n in _descendants(child, self.source.syntax.identifier_types))
            self._parameters[function.id] = frozenset(names)
        return self._parameters[function.id]

    def parameters_around(self, node: ts.Node) -> set[str]:
        names: set[str] = set()
        for scope in self._scopes_around(node):
            if scope is not None and scope.type in self.source.syntax.function_types:
                names |= self.parameters(scope)
        return names


def _names(function: ts.Node, node: ts.Node) -> bool:
    name = function.child_by_field_name("name")
    return name is not None and name.start_byte == node.start_byte and name.end_byte == node.end_byte


def _span(scope: ts.Node | None, source: "SourceFile") -> tuple[int, int]:
    return (scope.start_byte, scope.end_byte) if scope is not None else (0, len(source.data))


def _descendants(node: ts.Node, types: frozenset[str]) -> Iterator[ts.Node]:
    if node.type in types:
        yield node
    for child in node.named_children:
        yield from _descendants(child, types)
