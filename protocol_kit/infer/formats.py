"""Which string format a value has: the formats a plan can state, checked as the validator checks them.

Cheap character tests pick the one format a string could have; the compiled
format check (the same jsonschema-rs check ``validate`` runs) confirms it,
so a format inferred from a stream is a format that stream passes.
"""
from __future__ import annotations

from typing import Callable

import jsonschema_rs

# JSON Schema format -> the plan type that states it (None: a ``string`` with ``format:``).
FORMAT_TYPES: dict[str, str | None] = {
    "date-time": "datetime", "date": "date", "uuid": "uuid", "email": "email", "uri": "uri",
    "ipv4": None, "ipv6": None,
}
_HEX = frozenset("0123456789abcdefABCDEF")


# format -> the compiled format check of the validator (built once: seven small validators)
CHECKS: dict[str, Callable[[str], bool]] = {
    name: jsonschema_rs.validator_for({"format": name}, validate_formats=True).is_valid for name in FORMAT_TYPES}


def string_format(text: str) -> str | None:
    """The format ``text`` is in, or None. The one format it could have is picked by its characters
    (most strings are rejected by a comparison or two), then confirmed by the validator's check."""
    size = len(text)
    if size < 3:
        return None
    first = text[0]
    if size == 36 and text[8] == "-" and text[13] == "-":
        name = "uuid"
    elif first.isdigit():
        if size >= 10 and text[4] == "-" and text[7] == "-":
            name = "date" if size == 10 else "date-time"
        elif text.count(".") == 3:
            name = "ipv4"
        else:
            return None
    elif ":" in text:
        if "://" in text or text.startswith(("mailto:", "urn:", "tel:")):
            name = "uri"
        elif _HEX.issuperset(text.replace(":", "")):
            name = "ipv6"
        else:
            return None
    elif "@" in text:
        name = "email"
    else:
        return None
    return name if CHECKS[name](text) else None
