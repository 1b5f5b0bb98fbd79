"""Just enough HCL to read Terraform resources: blocks, attributes, lists, objects and ``jsonencode(...)``.

Values become plain data; ``jsonencode(x)`` becomes ``x``. Anything else
(references, other functions, heredocs) is an error naming the line.
"""
from __future__ import annotations

import json
import re
from typing import Any

from protocol_kit.errors import PlanError
from protocol_kit.violation import Location

_TOKEN = re.compile(r'''
    (?P<space>\s+|\#[^\n]*|//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_.-]*)
  | (?P<punct>[{}\[\](),=:])
''', re.VERBOSE | re.DOTALL)


class HclReader:
    def __init__(self, text: str, file: str):
        self.file = file
        self.tokens: list[tuple[str, str, int]] = []
        position, line = 0, 1
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None:
                raise PlanError(f"cannot read HCL here: {text[position:position + 20]!r}", self._at(line))
            if match.lastgroup != "space":
                self.tokens.append((match.lastgroup, match.group(), line))
            line += match.group().count("\n")
            position = match.end()
        self.index = 0

    def blocks(self) -> list[tuple[list[str], dict[str, Any], int]]:
        """Top-level blocks: (labels such as ``["resource", "segment_tracking_plan", "main"]``, body, line)."""
        found = []
        while self.index < len(self.tokens):
            line = self.tokens[self.index][2]
            labels = []
            while self._peek()[1] != "{":
                kind, value, _ = self._next()
                labels.append(json.loads(value) if kind == "string" else value)
            found.append((labels, self._body(), line))
        return found

    def _body(self) -> dict[str, Any]:
        self._expect("{")
        body: dict[str, Any] = {}
        while self._peek()[1] != "}":
            kind, key, _ = self._next()
            key = json.loads(key) if kind == "string" else key
            if self._peek()[1] in ("=", ":"):
                self._next()
                body[key] = self._value()
            else:  # a nested block, such as lifecycle { ... }
                while self._peek()[1] != "{":
                    self._next()
                body[key] = self._body()
            if self._peek()[1] == ",":
                self._next()
        self._expect("}")
        return body

    def _value(self) -> Any:
        kind, value, line = self._peek()
        if value == "{":
            return self._body()
        if value == "[":
            self._next()
            items = []
            while self._peek()[1] != "]":
                items.append(self._value())
                if self._peek()[1] == ",":
                    self._next()
            self._expect("]")
            return items
        self._next()
        if kind == "string":
            if re.search(r"(?<![$%])[$%]\{", value):
                raise PlanError("string templates (${...}, %{...}) cannot be read offline", self._at(line))
            return json.loads(value).replace("$${", "${").replace("%%{", "%{")
        if kind == "number":
            return json.loads(value)
        if value in ("true", "false", "null"):
            return json.loads(value)
        if kind == "name" and self._peek()[1] == "(":
            if value != "jsonencode":
                raise PlanError(f"the function {value}() cannot be evaluated offline; expected jsonencode(...)",
                                self._at(line))
            self._next()
            inner = self._value()
            self._expect(")")
            return inner
        raise PlanError(f"'{value}' is a reference or expression that cannot be evaluated offline", self._at(line))

    def _peek(self) -> tuple[str, str, int]:
        if self.index >= len(self.tokens):
            raise PlanError("unexpected end of file", Location(file=self.file))
        return self.tokens[self.index]

    def _next(self) -> tuple[str, str, int]:
        token = self._peek()
        self.index += 1
        return token

    def _expect(self, value: str) -> None:
        kind, found, line = self._next()
        if found != value:
            raise PlanError(f"expected '{value}', found '{found}'", self._at(line))

    def _at(self, line: int) -> Location:
        return Location(file=self.file, line=line)


def dump_value(value: Any, indent: int = 0) -> str:
    """A value as HCL: objects with ``=``, JSON Schemas inside ``jsonencode(...)`` by the caller."""
    pad = "  " * indent
    if isinstance(value, dict):
        lines = [f"{pad}  {_key(k)} = {dump_value(v, indent + 1).lstrip()}" for k, v in value.items()]
        return "{\n" + "\n".join(lines) + f"\n{pad}}}"
    if isinstance(value, list):
        items = [f"{pad}  {dump_value(v, indent + 1).lstrip()}," for v in value]
        return "[\n" + "\n".join(items) + f"\n{pad}]"
    return quote(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def quote(text: str) -> str:
    """An HCL string literal: JSON's, with ``${`` and ``%{`` escaped so Terraform does not interpolate them."""
    return json.dumps(text, ensure_ascii=False).replace("${", "$${").replace("%{", "%%{")


def hcl_json(value: Any) -> str:
    """A JSON value written inside ``jsonencode(...)``: JSON syntax, its strings HCL literals."""
    return re.sub(r'"(?:[^"\\]|\\.)*"', lambda m: m.group(0).replace("${", "$${").replace("%{", "%%{"),
                  json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False))


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key) else json.dumps(key)
