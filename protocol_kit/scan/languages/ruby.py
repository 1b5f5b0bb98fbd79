"""Ruby: ``Analytics.track(user_id:, event:, properties:)``, single hashes and Mixpanel trackers."""
from __future__ import annotations

import tree_sitter as ts
import tree_sitter_ruby

from protocol_kit.scan.languages.base import Arg, SourceFile, Syntax
from protocol_kit.scan.languages.values import agreed_value, choice, concatenation, negative, number
from protocol_kit.scan.model import ArrayValue, Dynamic, Literal, Reference, Value

CALLS = """
(call
  receiver: (_)? @receiver
  method: (identifier) @method
  arguments: (argument_list) @args
  (#any-of? @method {names})) @call
"""
DECLARATIONS = """
(assignment left: [(constant) (identifier)] @name right: (_) @value)
(module name: (constant) @name body: (body_statement) @body)
(class name: (constant) @name body: (body_statement) @body)
(method name: (identifier) @name !parameters body: (body_statement . (_) @value .))
(for pattern: (identifier) @unknown)
(exception_variable (identifier) @unknown)
"""
KEYWORDS = {"true": True, "false": False, "nil": None}


class Ruby(Syntax):
    name = "ruby"
    extensions = (".rb", ".rake")
    calls_query = CALLS
    declarations_query = DECLARATIONS
    grammar = staticmethod(tree_sitter_ruby.language)
    grammar_package = "tree-sitter-ruby"
    function_types = frozenset({"method", "singleton_method", "lambda", "block", "do_block"})
    user_id_first = True

    def external(self, name: str, source: SourceFile) -> Value:
        """``Events::SIGNED_UP``: Ruby constants are global, so any file of the project may define it."""
        head = name.split(".")[0]
        if source.project is None or not head[:1].isupper():
            return Reference(name, "not defined in the file")
        values = []
        for path in source.project.files_declaring("ruby", head):
            module = source.project.module(path)
            if module is not None and module is not source:
                values.append(module.resolve_nested(name))
        return agreed_value(values, name, "not defined in the project's Ruby files")

    def arguments(self, args: ts.Node, source: SourceFile) -> list[Arg]:
        """Keyword arguments (``event: "Signed Up"``) are labelled; a hash in braces is one argument."""
        found = []
        for node in args.named_children:
            if node.type == "pair":
                key = self.read(node.child_by_field_name("key"), source)
                label = key.value if isinstance(key, Literal) and isinstance(key.value, str) else None
                found.append(Arg(label, node.child_by_field_name("value")))
            elif node.type != "comment":
                found.append(Arg(None, node))
        return found

    def read(self, node: ts.Node, source: SourceFile) -> Value:
        kind = node.type
        if kind == "string":
            if any(c.type == "interpolation" for c in node.named_children):
                return Dynamic("string interpolation")
            return Literal("".join(source.text(c) for c in node.named_children))
        if kind == "hash_key_symbol":
            return Literal(source.text(node))
        if kind == "simple_symbol":
            return Literal(source.text(node)[1:])
        if kind in ("integer", "float"):
            return number(source.text(node))
        if kind in KEYWORDS:
            return Literal(KEYWORDS[kind])
        if kind == "unary" and source.text(node).startswith("-"):
            return negative(self.read(node.child_by_field_name("operand"), source))
        if kind == "conditional":
            return choice(*(self.read(node.child_by_field_name(f), source) for f in ("consequence", "alternative")))
        if kind == "binary" and node.child_by_field_name("operator").type == "+":
            return concatenation([self.read(node.child_by_field_name(f), source) for f in ("left", "right")])
        if kind in ("constant", "identifier", "scope_resolution"):
            return source.resolve(source.text(node).replace("::", "."), node)
        if kind == "hash":
            return self.read_pairs(node, source, spread="hash_splat_argument")
        if kind == "array":
            return ArrayValue()
        if kind == "call" and source.text(node.child_by_field_name("method")) in ("freeze", "to_s") \
                and node.child_by_field_name("arguments") is None and node.child_by_field_name("receiver") is not None:
            return self.read(node.child_by_field_name("receiver"), source)  # ``"Signed Up".freeze``
        if kind == "parenthesized_statements" and node.named_children:
            return self.read(node.named_children[0], source)
        return Reference(source.text(node))
