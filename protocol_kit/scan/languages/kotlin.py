"""Kotlin: named arguments, ``mapOf("key" to value)`` and ``const val`` constants."""
from __future__ import annotations

import functools
import re

import tree_sitter as ts
import tree_sitter_kotlin

from protocol_kit.scan.languages import jvm
from protocol_kit.scan.languages.base import Arg, SourceFile, Syntax
from protocol_kit.scan.languages.values import BagBuilder, choice, concatenation, negative, number
from protocol_kit.scan.model import ArrayValue, Dynamic, Literal, Reference, Value

CALLS = """
(call_expression
  [(navigation_expression . (_) @receiver (identifier) @method .)
   (identifier) @method]
  (value_arguments) @args
  (#any-of? @method {names})) @call
"""
DECLARATIONS = """
(property_declaration (variable_declaration . (identifier) @name) (_) @value .)
(object_declaration name: (identifier) @name (class_body) @body)
(class_declaration name: (identifier) @name [(class_body) (enum_class_body)] @body)
(for_statement (variable_declaration (identifier) @unknown))
(multi_variable_declaration (variable_declaration (identifier) @unknown))
(catch_block (identifier) @unknown)
"""
ENUMS = "(class_declaration (enum_class_body) @body) @enum"
MAP_FUNCTIONS = ("mapOf", "mutableMapOf", "hashMapOf", "linkedMapOf", "emptyMap")
LIST_FUNCTIONS = ("listOf", "mutableListOf", "arrayOf", "setOf", "emptyList")
KEYWORDS = {"true": True, "false": False, "null": None}
_TEMPLATE = re.compile(r"\$[A-Za-z_{]")


def _children(node, *path: str) -> list:
    """The descendants of ``node`` along node types ``path`` (``class_parameters``, ``class_parameter``)."""
    found = [node] if node is not None else []
    for kind in path:
        found = [c for n in found for c in n.named_children if c.type == kind]
    return found


class Kotlin(Syntax):
    name = "kotlin"
    extensions = (".kt", ".kts")
    calls_query = CALLS
    declarations_query = DECLARATIONS
    grammar = staticmethod(tree_sitter_kotlin.language)
    grammar_package = "tree-sitter-kotlin"
    function_types = frozenset({"function_declaration", "lambda_literal", "anonymous_function"})
    block_types = frozenset({"block", "for_statement", "catch_block"})
    assignments_query = "(assignment . (identifier) @name (_) @value .)"

    def external(self, name: str, source: SourceFile) -> Value:
        return jvm.external(name, source)

    def bind_members(self, scopes) -> None:
        source = scopes.source
        if b"enum" not in source.data:
            return
        enums = []
        for _, captures in ts.QueryCursor(self.enums).matches(source.tree.root_node):
            declaration = captures["enum"][0]
            constructor = next((c for c in declaration.named_children if c.type == "primary_constructor"), None)
            parameters = [source.text(p.named_children[0]) for p in _children(constructor, "class_parameters", "class_parameter")]
            entries = [(entry.named_children[0], self._entry_arguments(entry, source))
                       for entry in captures["body"][0].named_children if entry.type == "enum_entry"]
            enums.append((parameters, entries))
        jvm.bind_enum_properties(scopes, enums)

    def _entry_arguments(self, entry: ts.Node, source: SourceFile) -> list:
        arguments = next((c for c in entry.named_children if c.type == "value_arguments"), None)
        return [(arg.label, arg.node) for arg in self.arguments(arguments, source)] if arguments else []

    @functools.cached_property
    def enums(self) -> ts.Query:
        return ts.Query(self.language, ENUMS)

    def arguments(self, args: ts.Node, source: SourceFile) -> list[Arg]:
        """``track(name = "Signed Up", properties = mapOf(...))``: a name before ``=`` labels the value."""
        found = []
        for node in args.named_children:
            parts = node.named_children
            if len(parts) == 2 and any(c.type == "=" for c in node.children):
                found.append(Arg(source.text(parts[0]), parts[1]))
            elif parts:
                found.append(Arg(None, parts[-1]))
        return found

    def read(self, node: ts.Node, source: SourceFile) -> Value:
        kind = node.type
        if kind == "string_literal":
            text = source.text(node)
            if any(c.type == "interpolation" for c in node.named_children) or _TEMPLATE.search(text):
                return Dynamic("string template")
            return Literal("".join(source.text(c) for c in node.named_children))
        if kind in ("number_literal", "float_literal", "integer_literal", "long_literal", "hex_literal"):
            return number(source.text(node))
        if kind in ("boolean_literal", "null_literal") or (kind == "identifier" and source.text(node) in KEYWORDS):
            return Literal(KEYWORDS[source.text(node)])
        if kind in ("unary_expression", "prefix_expression") and source.text(node).startswith("-"):
            return negative(self.read(node.named_children[-1], source))
        if kind == "if_expression" and len(node.named_children) == 3:
            return choice(*(self.read(c, source) for c in node.named_children[1:]))
        if kind in ("additive_expression", "binary_expression") and any(c.type == "+" for c in node.children):
            return concatenation([self.read(c, source) for c in node.named_children])
        if kind in ("identifier", "navigation_expression"):
            return source.resolve(source.text(node), node)
        if kind == "call_expression":
            return self._call(node, source)
        if kind == "parenthesized_expression" and node.named_children:
            return self.read(node.named_children[0], source)
        return Reference(source.text(node))

    def _call(self, node: ts.Node, source: SourceFile) -> Value:
        function = source.text(node.named_children[0])
        if function in LIST_FUNCTIONS:
            return ArrayValue()
        if function not in MAP_FUNCTIONS:
            return Reference(source.text(node))
        bag = BagBuilder(source)
        arguments = node.named_children[-1] if node.named_children[-1].type == "value_arguments" else None
        for argument in arguments.named_children if arguments else ():
            pair = argument.named_children[-1] if argument.named_children else None
            if pair is not None and pair.type == "infix_expression" and source.text(pair.named_children[1]) == "to":
                key = pair.named_children[0]
                bag.pair(self.read(key, source), key, pair.named_children[2])
            else:
                bag.has_unresolved = True
        return bag.build()
