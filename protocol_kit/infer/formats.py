"""Which string format a value has: the formats a plan can state, checked as the validator checks them.

Cheap character tests pick the one format a string could have; the compiled
format check (the same jsonschema-rs check ``validate`` runs) confirms it,
so a format inferred from a stream is a format that stream passes.
"""
from __future__ import annotations

from functools import cache
from typing import Callable

import jsonschema_rs

# JSON Schema format -> the plan type that states it (None: a ``string`` with ``format:``).
FORMAT_TYPES: dict[str, str | None] = {
    "date-time": "datetime", "date": "date", "uuid": "uuid", "email": "email", "uri": "uri",
    "ipv4": None, "ipv6": None,
}
_HEX = frozenset("0123456789abcdefABCDEF")


@cache
def _check(name: str) -> Callable[[str], bool]:
    return jsonschema_rs.validator_for({"format": name}, validate_formats=True).is_valid


def string_format(text: str) -> str | None:
    """The format ``text`` is in, or None."""
    size = len(text)
    if size < 3:
        return None
    name = _candidate(text, size)
    return name if name is not None and _check(name)(text) else None


def _candidate(text: str, size: int) -> str | None:
    first = text[0]
    if size == 36 and text[8] == "-" and text[13] == "-":
        return "uuid"
    if first.isdigit():
        if size >= 10 and text[4] == "-" and text[7] == "-":
            return "date" if size == 10 else "date-time"
        if text.count(".") == 3:
            return "ipv4"
        return None
    if ":" in text:
        if "://" in text or text.startswith(("mailto:", "urn:", "tel:")):
            return "uri"
        if _HEX.issuperset(text.replace(":", "")):
            return "ipv6"
    return "email" if "@" in text else None
