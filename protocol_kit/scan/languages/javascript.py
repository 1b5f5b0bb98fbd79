"""JavaScript, TypeScript and TSX: one grammar family, one mapping."""
from __future__ import annotations

import tree_sitter as ts
import tree_sitter_javascript
import tree_sitter_typescript

from protocol_kit.scan.languages.base import (
    BagBuilder, SourceFile, Syntax, choice, concatenation, negative, number,
)
from protocol_kit.scan.model import ArrayValue, Dynamic, Literal, Reference, Value

CALLS = """
(call_expression
  function: [
    (member_expression object: (_) @receiver property: (property_identifier) @method)
    (identifier) @method]
  arguments: (arguments) @args
  (#any-of? @method {names})) @call
"""
DECLARATIONS = "(variable_declarator name: (identifier) @name value: (_)? @value)"
ASSIGNMENTS = "(assignment_expression left: (identifier) @name right: (_) @value)"
TS_DECLARATIONS = DECLARATIONS + """
(enum_declaration name: (identifier) @name body: (enum_body) @body)
(enum_body (enum_assignment name: (property_identifier) @name value: (_) @value))
"""
IMPORTS = "(import_specifier name: (identifier) @name !alias)"
KEYWORDS = {"true": True, "false": False, "null": None, "undefined": None}
WRAPPERS = ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression")


class JavaScript(Syntax):
    name = "javascript"
    extensions = (".js", ".jsx", ".mjs", ".cjs")
    calls_query = CALLS
    declarations_query = DECLARATIONS
    imports_query = IMPORTS
    grammar = staticmethod(tree_sitter_javascript.language)
    function_types = frozenset({"function_declaration", "function_expression", "arrow_function",
                                "method_definition", "generator_function_declaration"})
    block_types = frozenset({"statement_block"})
    assignments_query = ASSIGNMENTS

    def read(self, node: ts.Node, source: SourceFile) -> Value:
        kind = node.type
        if kind == "string":
            return Literal("".join(source.text(c) for c in node.named_children))
        if kind == "template_string":
            if any(c.type == "template_substitution" for c in node.named_children):
                return Dynamic("template string")
            return Literal(source.text(node)[1:-1])
        if kind == "number":
            return number(source.text(node))
        if kind in KEYWORDS:
            return Literal(KEYWORDS[kind])
        if kind == "unary_expression" and source.text(node)[:1] == "-":
            return negative(self.read(node.child_by_field_name("argument"), source))
        if kind == "ternary_expression":
            return choice(self.read(node.child_by_field_name("consequence"), source),
                           self.read(node.child_by_field_name("alternative"), source))
        if kind == "binary_expression" and node.child_by_field_name("operator").type == "+":
            return concatenation([self.read(node.child_by_field_name(f), source) for f in ("left", "right")])
        if kind in ("identifier", "member_expression"):
            return source.resolve(source.text(node).replace("?.", "."), node)
        if kind == "subscript_expression":
            return self._subscript(node, source)
        if kind == "object":
            return self._object(node, source)
        if kind == "array":
            return ArrayValue()
        if kind in WRAPPERS and node.named_children:
            return self.read(node.named_children[0], source)
        return Reference(source.text(node))

    def _object(self, node: ts.Node, source: SourceFile) -> Value:
        bag = BagBuilder(source)
        for child in node.named_children:
            if child.type == "pair":
                key = child.child_by_field_name("key")
                bag.pair(self._key(key, source), key, child.child_by_field_name("value"))
            elif child.type == "shorthand_property_identifier":
                bag.pair(Literal(source.text(child)), child, child)
            elif child.type == "spread_element":
                bag.spread(child.named_children[0])
            elif child.type != "comment":
                bag.has_unresolved = True
        return bag.build()

    def _key(self, key: ts.Node, source: SourceFile) -> Value:
        if key.type == "computed_property_name":
            value = self.read(key.named_children[0], source)
            return value if isinstance(value, Literal) else Dynamic("computed key")
        if key.type == "string":
            return self.read(key, source)
        return Literal(source.text(key))

    def _subscript(self, node: ts.Node, source: SourceFile) -> Value:
        index = self.read(node.child_by_field_name("index"), source)
        if isinstance(index, Literal) and isinstance(index.value, str):
            return source.resolve(f"{source.text(node.child_by_field_name('object'))}.{index.value}", node)
        return Reference(source.text(node))

    def receiver_text(self, node: ts.Node, source: SourceFile) -> str:
        return source.text(node).replace("?.", ".")


class TypeScript(JavaScript):
    name = "typescript"
    extensions = (".ts", ".mts", ".cts")
    declarations_query = TS_DECLARATIONS
    grammar = staticmethod(tree_sitter_typescript.language_typescript)


class Tsx(TypeScript):
    name = "tsx"
    extensions = (".tsx",)
    grammar = staticmethod(tree_sitter_typescript.language_tsx)
