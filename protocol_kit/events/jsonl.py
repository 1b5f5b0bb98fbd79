"""Writing JSON Lines."""
from __future__ import annotations

import json
from typing import Any

import orjson


def json_line(value: Any) -> bytes:
    """``value`` as one line of JSON with its newline.

    orjson refuses values nested over 255 levels deep (it parses up to 1024);
    those are written by the standard library instead, so that nothing read
    is lost on the way out.
    """
    try:
        return orjson.dumps(value) + b"\n"
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
