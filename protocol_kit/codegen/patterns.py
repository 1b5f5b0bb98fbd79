"""Plan patterns whose regular expression means something else in Python than in JavaScript.

A generated TypeScript client checks patterns with JavaScript's ``RegExp``
(Ajv, ``u`` flag); the Python client and ``validate`` use the validator of
protocol_kit. A pattern written with syntax that only one of them knows, or
that matches differently, gets a warning (CG001) when code is generated.
"""
from __future__ import annotations

import re
from typing import Iterator

from protocol_kit.codegen.model import Model, Shape
from protocol_kit.validation.rules import pointer
from protocol_kit.violation import Violation

# (regex finding the construct, why it differs)
DIFFERENCES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), why) for p, why in (
    (r"(?<!\\)(?:\\\\)*\\[dDwWsSbB]",
     "\\d, \\w, \\s and \\b match Unicode digits, letters and spaces in Python but only ASCII ones in JavaScript"),
    (r"\(\?P[<=>]", "(?P<name>...) named groups are Python syntax; JavaScript writes (?<name>...)"),
    (r"\(\?<(?![=!])", "(?<name>...) named groups are not Python syntax; Python writes (?P<name>...)"),
    (r"(?<!\\)(?:\\\\)*\\[AZzG]", "\\A, \\Z, \\z and \\G anchors are not JavaScript syntax; use ^ and $"),
    (r"\(\?[aiLmsux]+\)", "global inline flags such as (?i) are not JavaScript syntax"),
    (r"\(\?>|[*+?}][+]", "atomic groups and possessive quantifiers are not JavaScript syntax"),
    (r"(?<!\\)(?:\\\\)*\\[pP]\{", "\\p{...} Unicode properties are JavaScript syntax that Python's re does not know"),
    (r"(?<!\\)(?:\\\\)*\\[NU]|\\x\{|\\u\{", "\\N{...}, \\U, \\x{...} and \\u{...} escapes are not written the same way "
                                          "in both languages"),
    (r"\(\?#", "(?#...) comments are not JavaScript syntax"),
    (r"\[\[:[a-z]+:\]\]", "POSIX classes such as [[:alpha:]] are neither Python nor JavaScript syntax"),
))


def pattern_warnings(model: Model) -> Iterator[Violation]:
    """A CG001 warning for every planned pattern using syntax that differs between the two languages."""
    for call in model.calls:
        yield from _walk(call.name, call.call, call.payload, (call.payload_field,))


def differences(pattern: str) -> list[str]:
    return [why for finder, why in DIFFERENCES if finder.search(pattern)]


def _walk(event: str, call: str, shape: Shape, path: tuple[str, ...]) -> Iterator[Violation]:
    if shape.pattern:
        for why in differences(shape.pattern):
            yield Violation.of("CG001", f"pattern {shape.pattern!r} of '{'.'.join(path[1:]) or path[0]}': {why}",
                               event=event, event_type=call, path=pointer(path), actual=shape.pattern)
    for field in shape.fields:
        yield from _walk(event, call, field.shape, (*path, field.name))
    if shape.items is not None:
        yield from _walk(event, call, shape.items, (*path, "*"))
