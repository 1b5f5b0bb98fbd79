"""The part of extraction every language shares.

A language is a :class:`Syntax`: its grammar, two queries (tracking calls and
same-file declarations) and a few small methods mapping its syntax nodes to
the values of :mod:`protocol_kit.scan.model`. :class:`SourceFile` holds one
parsed file and resolves names against the declarations found in it.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

import tree_sitter as ts

from protocol_kit.scan.model import Choice, Literal, ObjectValue, Reference, Value
from protocol_kit.scan.languages.values import BagBuilder
from protocol_kit.scan.scopes import Scopes
from protocol_kit.violation import Location

if TYPE_CHECKING:
    from protocol_kit.scan.project import Project

PARAMETER = "a parameter of the enclosing function"


class Arg(NamedTuple):
    """One call argument: ``label`` is the keyword, label or hash key naming it, if any."""

    label: str | None
    node: ts.Node


class Callee(NamedTuple):
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
    # A query capturing @name and @value for each assignment to a plain variable (optional).
    assignments_query: str = ""
    # A query capturing @name for each name imported into the file (optional).
    imports_query: str = ""
    function_types: frozenset[str] = frozenset()
    # Blocks that scope their own declarations (besides functions).
    block_types: frozenset[str] = frozenset()
    # ``Events.SIGNED_UP.value``: members that read an enum case's value.
    value_accessors: frozenset[str] = frozenset()
    # Names ``bind_members`` may bind that no declaration spells out (``default``).
    always_declared: frozenset[str] = frozenset()
    # The grammar's package, and what its pinned version cannot read in valid code:
    # (description, predicate over an ERROR or MISSING node).
    grammar_package: str = ""
    grammar_gaps: tuple[tuple[str, Callable[[ts.Node, "SourceFile"], bool]], ...] = ()

    def grammar_gap(self, error: ts.Node, source: "SourceFile") -> str | None:
        """What the grammar cannot read at ``error``, when it is a known limitation of the grammar."""
        return next((what for what, applies in self.grammar_gaps if applies(error, source)), None)

    @functools.cached_property
    def grammar_version(self) -> str:
        from importlib.metadata import PackageNotFoundError, version
        try:
            return f"{self.grammar_package} {version(self.grammar_package)}"
        except PackageNotFoundError:
            return self.grammar_package
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
    def imports(self) -> ts.Query:
        return ts.Query(self.language, self.imports_query)

    @functools.cached_property
    def scope_query(self) -> ts.Query:
        """Declarations then assignments in one query; patterns from ``declaration_patterns`` on are assignments."""
        return ts.Query(self.language, self.declarations_query + "\n" + self.assignments_query)

    @functools.cached_property
    def declaration_patterns(self) -> int:
        query, end = self.scope_query, len(self.declarations_query.encode())
        return sum(query.start_byte_for_pattern(i) < end for i in range(query.pattern_count))

    def bind_members(self, scopes: "Scopes") -> None:
        """Bind what the declarations query cannot say (enum properties, implicit raw values)."""

    def external(self, name: str, source: "SourceFile") -> Value:
        """A name the file does not define: from its imports or the project, else unresolved."""
        return Reference(name, "not defined in the file")

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
    """One parsed file: text, character columns and scope-aware name resolution.

    ``project`` (a :class:`~protocol_kit.scan.project.Project`) resolves the
    names the file imports or takes from elsewhere in the code base.
    """

    def __init__(self, syntax: Syntax, data: bytes, path: str, project: "Project | None" = None):
        self.syntax = syntax
        self.data = data
        self.path = path
        self.project = project
        self.tree = syntax.parser.parse(data)
        self._ascii = data.isascii()
        self._scopes: Scopes | None = None
        self._resolving: set[str] = set()
        self._declarable: dict[str, bool] = {}
        self.cache: dict[str, object] = {}  # per-file tables a language builds once (its imports...)
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

    @property
    def scopes(self) -> Scopes:
        if self._scopes is None:
            self._scopes = Scopes(self)
        return self._scopes

    def resolve(self, name: str, at: ts.Node | None = None) -> Value:
        """The value of ``name`` where ``at`` uses it (None: at the top of the file).

        The nearest definition in the file wins; a name the file does not
        define is looked up in what it imports and in the project.
        """
        if name in self._resolving:
            return Reference(name, "defined in terms of itself")
        self._resolving.add(name)
        try:
            return self._resolve(name, at)
        finally:
            self._resolving.discard(name)

    def resolve_nested(self, name: str) -> Value:
        """``Events.SIGNED_UP`` asked of a file that nests it (``Analytics.Events.SIGNED_UP``), as code
        inside ``Analytics`` or a class inheriting from it names it."""
        value = self.resolve(name)
        if isinstance(value, Reference):
            nested = self.scopes.names_ending(name)
            if len(nested) == 1:
                return self.resolve(nested[0])
        return value

    def _resolve(self, name: str, at: ts.Node | None) -> Value:
        root = name.split(".")[0]
        if at is not None and not self._may_declare(root):
            return self.syntax.external(name, self)
        found = self.scopes.lookup(name, at)
        if found.parameter:
            return Reference(name, PARAMETER)
        if found.values:
            return self._combine(name, found.values)
        head, dot, last = name.rpartition(".")
        if dot and self.scopes.defines(root):
            alias = self._alias(root, at)
            if alias is not None:
                return self.resolve(self.text(alias) + name[len(root):], alias)
            member = self._member(head, last, at)
            if not isinstance(member, Reference) or root in self.scopes.bindings:
                return member
            # a class, module or namespace this file only reopens: the member may be defined elsewhere
            elsewhere = self.syntax.external(name, self)
            return member if isinstance(elsewhere, Reference) else elsewhere
        return self.syntax.external(name, self)

    def _alias(self, root: str, at: ts.Node | None) -> ts.Node | None:
        """``export default Events`` or ``E = Events``: a name that only stands for another name."""
        found = self.scopes.lookup(root, at).values
        if len(found) == 1 and isinstance(found[0], ts.Node) and found[0].type in self.syntax.identifier_types:
            return found[0] if self.text(found[0]) != root else None
        return None

    def _member(self, head: str, last: str, at: ts.Node | None) -> Value:
        parent = self.resolve(head, at)
        if last in self.syntax.value_accessors and not isinstance(parent, (Reference, ObjectValue)):
            return parent
        if isinstance(parent, ObjectValue):
            member = parent.bag.get(last)
            if member is not None:
                return member
            return Reference(f"{head}.{last}", f"{head!r} has no member {last!r}")
        if isinstance(parent, Reference):
            return Reference(f"{head}.{last}", parent.why)
        return Reference(f"{head}.{last}", f"a member of {head!r}, which is not an object")

    def _combine(self, name: str, nodes: tuple) -> Value:
        """One value for all the definitions of a variable: each literal, or unresolved."""
        values = [self.value(n) if isinstance(n, ts.Node) else n for n in nodes if n is not None]
        if not values:
            return Reference(name, "declared without a value")
        if len(values) == 1:
            return values[0]
        literals: list = []
        for value in values:
            if isinstance(value, Literal):
                literals.append(value.value)
            elif isinstance(value, Choice):
                literals.extend(value.values)
            else:
                why = value.why if isinstance(value, Reference) and value.why else "assigned a value computed at run time"
                return Reference(name, why)
        unique = tuple(dict.fromkeys(literals))
        return Literal(unique[0]) if len(unique) == 1 else Choice(unique)

    def _may_declare(self, root: str) -> bool:
        """Whether the file spells ``root`` more than once: a name written only where it is used
        cannot be defined in the file, and the declarations need not be read."""
        if root in self.syntax.always_declared:
            return True
        if root not in self._declarable:
            pattern = re.compile(rb"(?<![\w$])" + re.escape(root.encode()) + rb"(?![\w$])")
            found = pattern.finditer(self.data)
            self._declarable[root] = next(found, None) is not None and next(found, None) is not None
        return self._declarable[root]

    def parameters_around(self, node: ts.Node) -> set[str]:
        """Parameter names of the functions enclosing ``node``."""
        return self.scopes.parameters_around(node)

    def syntax_error(self) -> ts.Node | None:
        """The first ERROR or MISSING node, when the file does not parse cleanly."""
        return next(self.syntax_errors(), None)

    def syntax_errors(self) -> Iterator[ts.Node]:
        """Every outermost ERROR or MISSING node, in file order."""
        stack = [self.tree.root_node] if self.tree.root_node.has_error else []
        while stack:
            node = stack.pop()
            if node.is_error or node.is_missing:
                yield node
                continue
            stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
