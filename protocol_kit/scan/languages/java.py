"""Java: Segment Android and server SDKs, maps and ``Properties`` built with ``put``/``putValue``."""
from __future__ import annotations

import functools

import tree_sitter as ts
import tree_sitter_java

from protocol_kit.scan.languages import jvm
from protocol_kit.scan.languages.base import SourceFile, Syntax
from protocol_kit.scan.languages.values import BagBuilder, choice, concatenation, negative, number
from protocol_kit.scan.model import ArrayValue, Dynamic, Literal, ObjectValue, PropertyBag, Reference, Value

CALLS = """
(method_invocation
  object: (_)? @receiver
  name: (identifier) @method
  arguments: (argument_list) @args
  (#any-of? @method {names})) @call
"""
DECLARATIONS = """
(variable_declarator name: (identifier) @name value: (_) @value)
(class_declaration name: (identifier) @name body: (class_body) @body)
(interface_declaration name: (identifier) @name body: (interface_body) @body)
(enum_declaration name: (identifier) @name body: (enum_body) @body)
(enhanced_for_statement name: (identifier) @unknown)
(catch_formal_parameter name: (identifier) @unknown)
"""
ENUMS = "(enum_declaration body: (enum_body) @body)"
PUTS = """
(method_invocation
  object: (identifier) @object
  name: (identifier) @method
  arguments: (argument_list . (_) @key . (_) @value .)
  (#any-of? @method "put" "putValue")) @put
"""
MAP_TYPES = ("Properties", "Traits", "HashMap", "LinkedHashMap", "TreeMap", "ValueMap", "JSONObject")
MAP_FACTORIES = ("Map.of", "ImmutableMap.of")
NUMBERS = ("decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
           "binary_integer_literal", "decimal_floating_point_literal")
EMPTY_OBJECT = ObjectValue(PropertyBag())
KEYWORDS = {"true": True, "false": False, "null_literal": None}


class Java(Syntax):
    name = "java"
    extensions = (".java",)
    calls_query = CALLS
    declarations_query = DECLARATIONS
    grammar = staticmethod(tree_sitter_java.language)
    grammar_package = "tree-sitter-java"
    function_types = frozenset({"method_declaration", "constructor_declaration", "lambda_expression"})
    block_types = frozenset({"block", "enhanced_for_statement", "catch_clause"})
    assignments_query = "(assignment_expression left: (identifier) @name right: (_) @value)"

    def external(self, name: str, source: SourceFile) -> Value:
        return jvm.external(name, source)

    def bind_members(self, scopes) -> None:
        source = scopes.source
        if b"enum" not in source.data:
            return
        enums = []
        for _, captures in ts.QueryCursor(self.enums).matches(source.tree.root_node):
            body = captures["body"][0]
            parameters: list[str] = []
            for part in body.named_children:
                for member in part.named_children if part.type == "enum_body_declarations" else ():
                    if member.type == "constructor_declaration":
                        formal = member.child_by_field_name("parameters")
                        parameters = [source.text(p.child_by_field_name("name")) for p in formal.named_children
                                      if p.type == "formal_parameter"]
            entries = []
            for constant in body.named_children:
                if constant.type == "enum_constant":
                    arguments = constant.child_by_field_name("arguments")
                    values = [(None, a) for a in arguments.named_children] if arguments else []
                    entries.append((constant.child_by_field_name("name"), values))
            enums.append((parameters, entries))
        jvm.bind_enum_properties(scopes, enums)

    @functools.cached_property
    def enums(self) -> ts.Query:
        return ts.Query(self.language, ENUMS)

    def read(self, node: ts.Node, source: SourceFile) -> Value:
        kind = node.type
        if kind == "string_literal":
            return Literal("".join(source.text(c) for c in node.named_children))
        if kind in NUMBERS:
            return number(source.text(node))
        if kind in KEYWORDS:
            return Literal(KEYWORDS[kind])
        if kind == "unary_expression" and source.text(node).startswith("-"):
            return negative(self.read(node.child_by_field_name("operand"), source))
        if kind == "ternary_expression":
            return choice(*(self.read(node.child_by_field_name(f), source) for f in ("consequence", "alternative")))
        if kind == "binary_expression" and node.child_by_field_name("operator").type == "+":
            return concatenation([self.read(node.child_by_field_name(f), source) for f in ("left", "right")])
        if kind == "identifier":
            return self._variable(node, source)
        if kind == "field_access":
            return source.resolve(source.text(node), node)
        if _creates_map(node, source):
            return EMPTY_OBJECT
        if kind == "method_invocation":
            return self._invocation(node, source)
        if kind in ("array_creation_expression", "array_initializer"):
            return ArrayValue()
        if kind == "parenthesized_expression" and node.named_children:
            return self.read(node.named_children[0], source)
        return Reference(source.text(node))

    def _invocation(self, node: ts.Node, source: SourceFile) -> Value:
        """``Map.of("k", v)``, ``String.format(...)`` and ``new Properties().putValue("k", v)`` chains."""
        callee = source.text(node.child_by_field_name("name"))
        target = node.child_by_field_name("object")
        args = node.child_by_field_name("arguments").named_children
        qualified = f"{source.text(target)}.{callee}" if target else callee
        if qualified in MAP_FACTORIES:
            bag = BagBuilder(source)
            for key, value in zip(args[::2], args[1::2]):
                bag.pair(self.read(key, source), key, value)
            return bag.build()
        if qualified == "String.format" or callee in ("concat", "formatted"):
            return Dynamic(f"{callee} call")
        if target is not None and not args:  # ``Event.PAGE.getEventName()``, ``Event.PAGE.name()``
            prop = callee[3].lower() + callee[4:] if callee.startswith("get") and len(callee) > 3 else callee
            value = source.resolve(f"{source.text(target)}.{prop}", node)
            if not isinstance(value, Reference):
                return value
        if callee in ("put", "putValue") and target is not None and len(args) == 2:
            inner = self.read(target, source)
            if isinstance(inner, ObjectValue):
                bag = BagBuilder(source)
                bag.entries.extend(inner.bag.entries)
                bag.pair(self.read(args[0], source), args[0], args[1])
                return bag.build()
        return Reference(source.text(node))

    def _variable(self, node: ts.Node, source: SourceFile) -> Value:
        """A local map or ``Properties`` object, with the ``put`` calls made on it before this use."""
        name = source.text(node)
        found = source.scopes.lookup(name, node)
        created = found.values[0] if len(found.values) == 1 else None
        if not isinstance(created, ts.Node) or not _creates_map(created, source):
            return source.resolve(name, node)
        bag = BagBuilder(source)
        block = created.parent
        while block is not None and block.type not in ("block", "class_body"):
            block = block.parent
        for _, captures in ts.QueryCursor(self.puts).matches(block or source.tree.root_node):
            before_use = captures["put"][0].end_byte <= node.start_byte
            if before_use and source.text(captures["object"][0]) == name:
                key = captures["key"][0]
                bag.pair(self.read(key, source), key, captures["value"][0])
        return bag.build()

    @functools.cached_property
    def puts(self) -> ts.Query:
        return ts.Query(self.language, PUTS)


def _creates_map(node: ts.Node | None, source: SourceFile) -> bool:
    return node is not None and node.type == "object_creation_expression" and _type_name(node, source) in MAP_TYPES


def _type_name(node: ts.Node, source: SourceFile) -> str:
    text = source.text(node.child_by_field_name("type"))
    return text.split("<")[0].rpartition(".")[2]
