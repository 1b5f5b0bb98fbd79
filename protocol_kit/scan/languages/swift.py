"""Swift: labelled arguments (``name:``/``event:``, ``properties:``) and dictionary literals."""
from __future__ import annotations

import tree_sitter as ts
import tree_sitter_swift

from protocol_kit.scan.languages.base import (
    Arg, BagBuilder, SourceFile, Syntax, choice, concatenation, negative, number,
)
from protocol_kit.scan.model import ArrayValue, Dynamic, Literal, Reference, Value

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
(enum_entry name: (simple_identifier) @name raw_value: (_) @value)
"""
ASSIGNMENTS = "(assignment target: (directly_assignable_expression (simple_identifier) @name) result: (_) @value)"
STRINGS = ("line_string_literal", "multi_line_string_literal")
TEXT = ("line_str_text", "multi_line_str_text", "str_escaped_char")


class Swift(Syntax):
    name = "swift"
    extensions = (".swift",)
    calls_query = CALLS
    declarations_query = DECLARATIONS
    grammar = staticmethod(tree_sitter_swift.language)
    function_types = frozenset({"function_declaration", "lambda_literal", "init_declaration"})
    identifier_types = frozenset({"simple_identifier"})
    block_types = frozenset({"statements"})
    assignments_query = ASSIGNMENTS
    value_accessors = frozenset({"rawValue"})

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
