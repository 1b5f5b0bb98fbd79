"""Swift: labelled arguments (``name:``/``event:``, ``properties:``) and dictionary literals."""
from __future__ import annotations

import functools

import tree_sitter as ts
import tree_sitter_swift

from protocol_kit.scan.languages.base import Arg, SourceFile, Syntax
from protocol_kit.scan.languages.values import BagBuilder, choice, concatenation, negative, number
from protocol_kit.scan.model import ArrayValue, Dynamic, Literal, Reference, Value
from protocol_kit.scan.scopes import Scopes

CALLS = """
(call_expression
  [(navigation_expression target: (_) @receiver suffix: (navigation_suffix suffix: (simple_identifier) @method))
   (simple_identifier) @method]
  (call_suffix (value_arguments) @args)
  (#any-of? @method {names})) @call
"""
DECLARATIONS = """
(property_declaration name: (pattern bound_identifier: (simple_identifier) @name) value: (_) @value)
(class_declaration name: (type_identifier) @name body: (_) @body)
(for_statement item: (pattern (simple_identifier) @unknown))
"""
ENUMS = "(class_declaration (enum_class_body) @body) @enum"
ASSIGNMENTS = "(assignment target: (directly_assignable_expression (simple_identifier) @name) result: (_) @value)"
STRINGS = ("line_string_literal", "multi_line_string_literal")
TEXT = ("line_str_text", "multi_line_str_text", "str_escaped_char")


def _cases(entry: ts.Node) -> list[tuple[ts.Node, ts.Node | None, bool]]:
    """``case a, b = "B"``: each case name with its raw value node; cases with associated values have none."""
    cases: list[list] = []
    for child in entry.children:
        if child.type == "simple_identifier" and (not cases or cases[-1][1] is not None or child.prev_sibling.type == ","):
            cases.append([child, None, False])
        elif child.type == "enum_type_parameters" and cases:
            cases[-1][2] = True
        elif child.is_named and cases and child.prev_sibling is not None and child.prev_sibling.type == "=":
            cases[-1][1] = child
    return [(case, raw, associated) for case, raw, associated in cases]


def _empty_tuple(error: ts.Node, source: SourceFile) -> bool:
    bang = error.parent
    tuple_node = bang.parent if bang is not None else None
    return (error.is_missing and tuple_node is not None and tuple_node.type == "tuple_expression"
            and source.text(tuple_node).replace(" ", "") == "()")


def _empty_capture_list(error: ts.Node, source: SourceFile) -> bool:
    return (error.parent is not None and error.parent.type == "lambda_literal"
            and [c.type for c in error.children] == ["array_literal"] and source.text(error).replace(" ", "") == "[]")


def _case_values(source: SourceFile, name: str) -> list[Value]:
    found = source.scopes.lookup(name, None).values
    return [source.value(v) if isinstance(v, ts.Node) else v for v in found]


def _one_of(values: list[Value], name: str, missing: str) -> Value:
    """The one value all definitions agree on; a case some enum declares without a raw value makes it ambiguous."""
    known = [v for v in values if not isinstance(v, Reference)]
    if not known:
        return values[0] if values else Reference(name, missing)
    if len({repr(v) for v in known}) > 1 or (name.startswith(".") and len(known) < len(values)):
        return Reference(name, f"ambiguous: {len(values)} enum cases are named {name.lstrip('.')!r}, with different values")
    return known[0]


class Swift(Syntax):
    name = "swift"
    extensions = (".swift",)
    calls_query = CALLS
    declarations_query = DECLARATIONS
    grammar = staticmethod(tree_sitter_swift.language)
    grammar_package = "tree-sitter-swift"
    grammar_gaps = (("an empty tuple '()' as a statement", _empty_tuple),
                    ("an empty capture list '{ [] in'", _empty_capture_list))
    function_types = frozenset({"function_declaration", "lambda_literal", "init_declaration"})
    identifier_types = frozenset({"simple_identifier"})
    block_types = frozenset({"statements", "for_statement"})
    assignments_query = ASSIGNMENTS
    value_accessors = frozenset({"rawValue"})

    def bind_members(self, scopes: Scopes) -> None:
        """Enum cases, with their raw values (the case name when a ``String`` enum gives none),
        under ``Enum.case`` and under ``.case`` for the shorthand."""
        source = scopes.source
        if b"enum" not in source.data:
            return
        for _, captures in ts.QueryCursor(self.enums).matches(source.tree.root_node):
            raw_types = [source.text(c) for c in captures["enum"][0].named_children if c.type == "inheritance_specifier"]
            named_by_case = "String" in raw_types
            for entry in captures["body"][0].named_children:
                if entry.type == "enum_entry":
                    for case, raw, associated in _cases(entry):
                        name = source.text(case)
                        if associated:
                            value: ts.Node | Value = Reference("." + name, "an enum case with associated values")
                        elif raw is not None:
                            value = raw
                        else:
                            value = Literal(name) if named_by_case else Reference("." + name, "an enum case without a raw value")
                        scopes.bind_member(entry, name, value)
                        scopes.bind_global("." + name, value)

    def external(self, name: str, source: SourceFile) -> Value:
        """A type or case of the module: every Swift file of the project sees it without an import."""
        head = name.lstrip(".").split(".")[0]
        if source.project is None or not head[:1].isalpha():
            return Reference(name, "not defined in the file")
        if not name.startswith(".") and not head[:1].isupper():
            return Reference(name, "not defined in the file")
        values = []
        for path in source.project.files_declaring("swift", head):
            module = source.project.module(path)
            if module is not None and module is not source:
                values.append(module.resolve(name))
        return _one_of(values, name, "not defined in the module's Swift files")

    def shorthand(self, node: ts.Node, source: SourceFile) -> Value:
        """``.userSignedUp``: the case of that name, when every enum of the module declaring it gives it
        the same raw value."""
        name = "." + source.text(node.child_by_field_name("target"))
        values = _case_values(source, name)
        if source.project is not None:
            for path in source.project.files_declaring("swift", name[1:]):
                module = source.project.module(path)
                if module is not None and module is not source:
                    values += _case_values(module, name)
        return _one_of(values, name, "no enum of the module's Swift files has this case")

    @functools.cached_property
    def enums(self) -> ts.Query:
        return ts.Query(self.language, ENUMS)

    def arguments(self, args: ts.Node, source: SourceFile) -> list[Arg]:
        found = []
        for node in args.named_children:
            label, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if value is not None:
                found.append(Arg(source.text(label) if label else None, value))
        return found

    def read(self, node: ts.Node, source: SourceFile) -> Value:
        kind = node.type
        if kind in STRINGS:
            if node.child_by_field_name("interpolation") is not None:
                return Dynamic("string interpolation")
            return Literal("".join(source.text(c) for c in node.named_children if c.type in TEXT))
        if kind in ("integer_literal", "real_literal", "hex_literal"):
            return number(source.text(node))
        if kind == "boolean_literal":
            return Literal(source.text(node) == "true")
        if kind == "nil_literal":
            return Literal(None)
        if kind == "prefix_expression" and source.text(node).startswith(".") and \
                node.child_by_field_name("target").type == "simple_identifier":
            return self.shorthand(node, source)
        if kind == "prefix_expression" and source.text(node).startswith("-"):
            return negative(self.read(node.child_by_field_name("target"), source))
        if kind == "ternary_expression":
            return choice(*(self.read(node.child_by_field_name(f), source) for f in ("if_true", "if_false")))
        if kind == "additive_expression" and source.text(node.child_by_field_name("op")) == "+":
            return concatenation([self.read(node.child_by_field_name(f), source) for f in ("lhs", "rhs")])
        if kind in ("simple_identifier", "navigation_expression"):
            return source.resolve(source.text(node), node)
        if kind == "dictionary_literal":
            return self._dictionary(node, source)
        if kind == "array_literal":
            return ArrayValue()
        if kind == "tuple_expression" and len(node.named_children) == 1:
            return self.read(node.named_children[0], source)
        return Reference(source.text(node))

    def _dictionary(self, node: ts.Node, source: SourceFile) -> Value:
        bag = BagBuilder(source)
        keys = node.children_by_field_name("key")
        values = node.children_by_field_name("value")
        for key, value in zip(keys, values):
            bag.pair(self.read(key, source), key, value)
        return bag.build()
