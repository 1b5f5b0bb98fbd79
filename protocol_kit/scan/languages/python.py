"""Python: Segment, Mixpanel, PostHog and Amplitude SDK calls."""
from __future__ import annotations

import tree_sitter as ts
import tree_sitter_python

from protocol_kit.scan.languages import py_imports
from protocol_kit.scan.languages.base import Arg, SourceFile, Syntax
from protocol_kit.scan.languages.values import BagBuilder, choice, concatenation, negative, number
from protocol_kit.scan.model import ArrayValue, Dynamic, Literal, Reference, Value

CALLS = """
(call
  function: [
    (attribute object: (_) @receiver attribute: (identifier) @method)
    (identifier) @method]
  arguments: (argument_list) @args
  (#any-of? @method {names})) @call
"""
DECLARATIONS = """
(assignment left: (identifier) @name right: (_) @value)
(class_definition name: (identifier) @name body: (block) @body)
(for_statement left: (identifier) @unknown)
(for_statement left: [(pattern_list (identifier) @unknown) (tuple_pattern (identifier) @unknown)])
(assignment left: [(pattern_list (identifier) @unknown) (tuple_pattern (identifier) @unknown)])
(as_pattern_target (identifier) @unknown)
(for_in_clause left: (identifier) @unknown)
"""
IMPORTS = "(import_from_statement name: (dotted_name . (identifier) @name .))"
KEYWORDS = {"true": True, "false": False, "none": None}


def _class_attribute(node: ts.Node, source: SourceFile) -> Value:
    """``self.EVENT`` in a method: the attribute of the class around it, when the class defines it."""
    name = source.text(node)
    owner = node.parent
    while owner is not None and owner.type != "class_definition":
        owner = owner.parent
    if owner is None:
        return Reference(name, "an attribute of an object")
    qualified = f"{source.text(owner.child_by_field_name('name'))}.{source.text(node.child_by_field_name('attribute'))}"
    names = source.scopes.names_ending(qualified) if "." in qualified else []
    value = source.resolve(names[0]) if len(names) == 1 else source.resolve(qualified)
    return Reference(name, "an attribute the class does not define") if isinstance(value, Reference) else value


class Python(Syntax):
    name = "python"
    extensions = (".py", ".pyi")
    calls_query = CALLS
    declarations_query = DECLARATIONS
    imports_query = IMPORTS
    grammar = staticmethod(tree_sitter_python.language)
    grammar_package = "tree-sitter-python"
    function_types = frozenset({"function_definition", "lambda"})
    value_accessors = frozenset({"value"})

    def external(self, name: str, source: SourceFile) -> Value:
        return py_imports.external(name, source)
    user_id_first = True

    def arguments(self, args: ts.Node, source: SourceFile) -> list[Arg]:
        return [Arg(source.text(node.child_by_field_name("name")), node.child_by_field_name("value"))
                if node.type == "keyword_argument" else Arg(None, node)
                for node in args.named_children if node.type != "comment"]

    def read(self, node: ts.Node, source: SourceFile) -> Value:
        kind = node.type
        if kind == "string":
            return self._string(node, source)
        if kind == "concatenated_string":
            return concatenation([self.read(child, source) for child in node.named_children])
        if kind in ("integer", "float"):
            return number(source.text(node))
        if kind in KEYWORDS:
            return Literal(KEYWORDS[kind])
        if kind == "unary_operator" and source.text(node).startswith("-"):
            return negative(self.read(node.child_by_field_name("argument"), source))
        if kind == "conditional_expression":
            return choice(*(self.read(c, source) for c in node.named_children[::2]))
        if kind == "binary_operator":
            operator = node.child_by_field_name("operator").type
            if operator == "%":
                return Dynamic("%-formatting")
            if operator == "+":
                return concatenation([self.read(node.child_by_field_name(f), source) for f in ("left", "right")])
        if kind == "call" and source.text(node.child_by_field_name("function")).endswith(".format"):
            return Dynamic("str.format")
        if kind == "call" and source.text(node.child_by_field_name("function")) == "dict":
            return self._dict_call(node, source)
        if kind == "attribute" and source.text(node.child_by_field_name("object")) in ("self", "cls"):
            return _class_attribute(node, source)
        if kind in ("identifier", "attribute"):
            return source.resolve(source.text(node), node)
        if kind == "subscript":
            return self._subscript(node, source)
        if kind == "dictionary":
            return self.read_pairs(node, source, spread="dictionary_splat")
        if kind in ("list", "tuple", "set"):
            return ArrayValue()
        if kind == "parenthesized_expression" and node.named_children:
            return self.read(node.named_children[0], source)
        return Reference(source.text(node))

    def _string(self, node: ts.Node, source: SourceFile) -> Value:
        parts = node.named_children
        if any(part.type == "interpolation" for part in parts):
            return Dynamic("f-string")
        return Literal("".join(source.text(p) for p in parts if p.type in ("string_content", "escape_sequence")))

    def _dict_call(self, node: ts.Node, source: SourceFile) -> Value:
        bag = BagBuilder(source)
        for arg in node.child_by_field_name("arguments").named_children:
            if arg.type == "keyword_argument":
                name = arg.child_by_field_name("name")
                bag.pair(Literal(source.text(name)), name, arg.child_by_field_name("value"))
            elif arg.type == "dictionary_splat":
                bag.spread(arg.named_children[0])
            else:
                bag.spread(arg)
        return bag.build()

    def _subscript(self, node: ts.Node, source: SourceFile) -> Value:
        index = self.read(node.child_by_field_name("subscript"), source)
        if isinstance(index, Literal) and isinstance(index.value, str):
            return source.resolve(f"{source.text(node.child_by_field_name('value'))}.{index.value}", node)
        return Reference(source.text(node))
