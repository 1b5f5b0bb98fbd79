"""Read the value of one spreadsheet cell as the plan format expects it.

Each function takes what the reader found in the cell (text from csv; text,
numbers or booleans from xlsx) and raises ``ValueError`` with a message for
the user when the cell cannot mean what its column says.
"""
from __future__ import annotations

import re
from typing import Any

TRUE_WORDS = ("yes", "true", "x", "1")
FALSE_WORDS = ("no", "false", "0")
FLAG_WORDS = "yes/no/true/false/x/1/0"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: cells a spreadsheet may run as formulas


def neutralised(value: Any) -> Any:
    """A csv cell a spreadsheet shows as text: ``'`` before a string that would start a formula (OWASP),
    and before one that already reads so (``'=x``), so that :func:`restored` gives back every value."""
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restored(value: str) -> str:
    """The cell as it was before :func:`neutralised`."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
    return value


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any) -> str:
    """The cell as text; integral numbers without a trailing ``.0``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"'{text(value)}' is not one of {FLAG_WORDS}")


def number(value: Any) -> int | float:
    """A number; integral numbers become ints so every format compiles to the same bytes."""
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a number")
    if isinstance(value, (int, float)):
        return int(value) if isinstance(value, float) and value.is_integer() else value
    written = text(value)
    try:
        return int(written)
    except ValueError:
        pass
    try:
        parsed = float(written)
    except ValueError:
        raise ValueError(f"'{written}' is not a number") from None
    return int(parsed) if parsed.is_integer() else parsed


def whole_number(value: Any) -> int:
    parsed = number(value)
    if not isinstance(parsed, int) or parsed < 0:
        raise ValueError(f"'{text(value)}' is not a whole number of 0 or more")
    return parsed


def pii(value: Any) -> str | bool:
    """A personal data category, ``True`` for a bare yes, ``False`` for no."""
    try:
        return flag(value)
    except ValueError:
        return text(value)


def value_list(value: Any, kind: str | None) -> list[Any]:
    """Allowed values or examples: split on ``|`` when present, else on commas; newlines always split."""
    if not isinstance(value, str):
        return [typed(value, kind)]
    separator = r"[|\n]" if "|" in value else r"[,\n]"
    return [typed(part.strip(), kind) for part in re.split(separator, value) if part.strip()]


def typed(value: Any, kind: str | None) -> Any:
    """A listed value converted to the declared type; left as written when it does not convert (lint reports it)."""
    kind = (kind or "").removesuffix("[]")
    try:
        if kind == "integer":
            parsed = number(value)
            return parsed if isinstance(parsed, int) else value
        if kind == "number":
            return number(value)
        if kind == "boolean":
            return flag(value) if text(value).lower() in ("true", "false", "yes", "no") else value
    except ValueError:
        return value
    if kind in ("", "any"):
        return value
    return text(value) if not isinstance(value, str) else value


def json_object(value: Any, _kind: str | None = None) -> dict:
    """A JSON object written in one cell (raw JSON Schema keywords, labels)."""
    import json

    try:
        parsed = json.loads(text(value))
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg} at character {error.pos}): expected an object "
                         "such as {\"multipleOf\": 5}") from None
    if not isinstance(parsed, dict):
        raise ValueError("expected a JSON object such as {\"multipleOf\": 5}")
    return parsed
