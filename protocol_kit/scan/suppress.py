"""Inline suppressions: ``# protocol-kit: ignore[EV005]`` or ``// protocol-kit: ignore[EV002,SC001]``.

Only comments count (the text inside a string is not a suppression). A
suppression covers findings on its own line and findings of a call that
starts on that line. Suppressions that cover nothing are reported (SC003).
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from protocol_kit import codes
from protocol_kit.violation import Location, Violation

MARKER = b"protocol-kit:"
_SUPPRESSION = re.compile(rb"protocol-kit:\s*ignore\[([A-Za-z0-9,\s]*)\]")


class Suppression(NamedTuple):
    line: int
    column: int
    codes: tuple[str, ...]


def find_suppressions(data: bytes, *, in_comment: Callable[[int], bool]) -> list[Suppression]:
    """Suppressions in ``data``; ``in_comment`` tells whether a byte offset lies in a comment."""
    found = []
    for match in _SUPPRESSION.finditer(data):
        start = match.start()
        if not in_comment(start):
            continue
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", "replace")) + 1
        selected = tuple(c.strip().upper() for c in match.group(1).decode().split(",") if c.strip())
        found.append(Suppression(data.count(b"\n", 0, start) + 1, column, selected))
    return found


def apply_suppressions(findings: list[tuple[Violation, int]], suppressions: list[Suppression],
                       path: str) -> list[Violation]:
    """The findings not suppressed, plus SC003 for every suppression code that matched nothing.

    ``findings`` pairs each violation with the line its call starts on.
    """
    by_line = {s.line: s for s in suppressions}
    used: set[tuple[int, str]] = set()
    kept = []
    for violation, call_line in findings:
        hit = None
        for line in {violation.source.line, call_line}:
            suppression = by_line.get(line)
            code = suppression and next((c for c in suppression.codes if violation.code.startswith(c)), None)
            if code:
                hit = (line, code)
        if hit:
            used.add(hit)
        else:
            kept.append(violation)
    for suppression in suppressions:
        for code in suppression.codes:
            if (suppression.line, code) not in used:
                where = Location(file=path, line=suppression.line, column=suppression.column)
                known = "" if any(c.startswith(code) for c in codes.CODES) else " (no such code)"
                kept.append(Violation.of("SC003", f"unused suppression {code!r}{known}", source=where))
    return kept
