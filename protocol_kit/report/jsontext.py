"""JSON text for the report formats: orjson for speed, the standard library where orjson refuses.

orjson is about ten times faster on large reports but refuses integers
beyond 64 bits and nesting deeper than 254 levels, both of which event
payloads may hold; those documents go through :mod:`json` with the same
layout, so the output does not depend on which one wrote it.
"""
from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any, *, indent: bool = False, sort_keys: bool = False) -> str:
    option = (orjson.OPT_INDENT_2 if indent else 0) | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    try:
        return orjson.dumps(value, default=str, option=option).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):
        separators = None if indent else (",", ":")
        return json.dumps(value, indent=2 if indent else None, separators=separators, sort_keys=sort_keys,
                          ensure_ascii=False, default=str)
