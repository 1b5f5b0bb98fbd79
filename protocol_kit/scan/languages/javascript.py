"""JavaScript, TypeScript and TSX: one grammar family, one mapping."""
from __future__ import annotations

import tree_sitter as ts
import tree_sitter_javascript
import tree_sitter_typescript

from protocol_kit.scan.languages import es_modules
from protocol_kit.scan.languages.base import SourceFile, Syntax
from protocol_kit.scan.languages.values import BagBuilder, choice, concatenation, negative, number
from protocol_kit.scan.scopes import Scopes
from protocol_kit.scan.model import ArrayValue, Dynamic, Literal, Reference, Value

CALLS = """
(call_expression
  function: [
    (member_expression object: (_) @receiver property: [(property_identifier) (private_property_identifier)] @method)
    (identifier) @method]
  arguments: (arguments) @args
  (#any-of? @method {names})) @call
"""
DECLARATIONS = """
(variable_declarator name: (identifier) @name value: (_)? @value)
(for_in_statement left: (identifier) @unknown)
(variable_declarator name: (object_pattern (shorthand_property_identifier_pattern) @unknown) value: (_) @from
  (#not-match? @from "^require"))
(variable_declarator name: (object_pattern (pair_pattern value: (identifier) @unknown)) value: (_) @from
  (#not-match? @from "^require"))
(variable_declarator name: (array_pattern (identifier) @unknown))
(catch_clause parameter: (identifier) @unknown)
"""
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
    grammar_package = "tree-sitter-javascript"
    function_types = frozenset({"function_declaration", "function_expression", "arrow_function",
                                "method_definition", "generator_function_declaration"})
    block_types = frozenset({"statement_block", "for_in_statement", "for_statement", "catch_clause"})
    identifier_types = frozenset({"identifier", "shorthand_property_identifier_pattern"})
    assignments_query = ASSIGNMENTS
    always_declared = frozenset({"default", "module", "exports"})

    def external(self, name: str, source: SourceFile) -> Value:
        return es_modules.external(name, source)

    def bind_members(self, scopes: Scopes) -> None:
        """``export default X``, ``export { A as B }``, ``module.exports = {...}`` and ``exports.X = ...``."""
        source = scopes.source
        for statement in source.tree.root_node.named_children:
            if statement.type == "export_statement":
                _bind_export(statement, source, scopes)
            elif statement.type == "expression_statement" and statement.named_children:
                assignment = statement.named_children[0]
                if assignment.type == "assignment_expression":
                    left = source.text(assignment.child_by_field_name("left"))
                    if left == "module.exports" or left.startswith(("module.exports.", "exports.")):
                        scopes.bind_member(statement, left, assignment.child_by_field_name("right"))

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
        if kind == "call_expression" and source.text(node.child_by_field_name("function")) == "Object.freeze":
            arguments = node.child_by_field_name("arguments").named_children
            return self.read(arguments[0], source) if arguments else Reference("Object.freeze()")
        return Reference(source.text(node), "computed at run time")

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


def _bind_export(statement: ts.Node, source: SourceFile, scopes: Scopes) -> None:
    if statement.child_by_field_name("source") is not None:
        return  # ``export ... from``: an import, see es_modules
    value = statement.child_by_field_name("value") or statement.child_by_field_name("declaration")
    if any(c.type == "default" for c in statement.children) and value is not None:
        if value.type in ("identifier", "object", "as_expression", "call_expression", "string", "member_expression"):
            scopes.bind_member(statement, "default", value)
        elif value.type in ("enum_declaration", "class_declaration"):
            name = value.child_by_field_name("name")
            if name is not None:
                scopes.bind_member(statement, "default", name)
        return
    for clause in (c for c in statement.named_children if c.type == "export_clause"):
        for item in clause.named_children:
            name, alias = item.child_by_field_name("name"), item.child_by_field_name("alias")
            if item.type == "export_specifier" and alias is not None:
                scopes.bind_member(statement, source.text(alias), name)


def _ampersand_in_jsx_attribute(error: ts.Node, source: SourceFile) -> bool:
    parent = error.parent
    return (source.text(error).startswith("&") and parent is not None and parent.type == "string"
            and parent.parent is not None and parent.parent.type == "jsx_attribute")


def _type_arguments_before_template(error: ts.Node, source: SourceFile) -> bool:
    """``styled.div<{ active: boolean }>`...```: read as a comparison missing a ``!``."""
    parent = error.parent
    return (error.is_missing and parent is not None and parent.type == "non_null_expression"
            and source.data[error.end_byte:error.end_byte + 200].lstrip()[:1] == b"`")


class TypeScript(JavaScript):
    name = "typescript"
    extensions = (".ts", ".mts", ".cts")
    declarations_query = TS_DECLARATIONS
    grammar = staticmethod(tree_sitter_typescript.language_typescript)
    grammar_package = "tree-sitter-typescript"
    grammar_gaps = (("type arguments before a tagged template (styled.div<...>`...`)", _type_arguments_before_template),)


class Tsx(TypeScript):
    name = "tsx"
    extensions = (".tsx",)
    grammar = staticmethod(tree_sitter_typescript.language_tsx)
    grammar_gaps = (("an '&' in a JSX attribute string", _ampersand_in_jsx_attribute),
                    *TypeScript.grammar_gaps)
