"""Writing JSON Lines: every value read can be written back, whatever its depth or numbers."""
from __future__ import annotations

from decimal import Decimal
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

import orjson


def json_line(value: Any) -> bytes:
    """``value`` as one line of JSON with its newline.

    orjson writes what it can (up to 255 levels, 64-bit integers, valid
    Unicode); anything else (deeper values, larger integers, strings with
    lone surrogates) is written by :func:`_write`, which keeps every value
    exact. :class:`~decimal.Decimal` values (from the exact reader) are
    written as they were read.
    """
    try:
        return orjson.dumps(value, default=_decimal) + b"\n"
    except TypeError:
        return _write(value) + b"\n"


def _decimal(value: Any) -> Any:
    if isinstance(value, Decimal):
        return orjson.Fragment(_decimal_text(value))
    raise TypeError(f"Type is not JSON serializable: {type(value).__name__}")


def _decimal_text(value: Decimal) -> bytes:
    if not value.is_finite():
        raise TypeError(f"{value} is not a JSON number")
    return str(value).encode("ascii")


def _write(value: Any) -> bytes:
    """JSON without recursion (an explicit stack), for values orjson does not write."""
    out: list[bytes] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if item.__class__ is bytes:  # punctuation queued between children
            out.append(item)
        elif isinstance(item, dict):
            out.append(b"{")
            stack.append(b"}")
            pending = []
            for index, (key, child) in enumerate(item.items()):
                if not isinstance(key, str):
                    raise TypeError(f"object keys must be strings, not {type(key).__name__}")
                pending += [b"," if index else b"", _string(key) + b":", child]
            stack.extend(reversed(pending))
        elif isinstance(item, (list, tuple)):
            out.append(b"[")
            stack.append(b"]")
            pending = []
            for index, child in enumerate(item):
                pending += [b"," if index else b"", child]
            stack.extend(reversed(pending))
        else:
            out.append(_scalar(item))
    return b"".join(out)


def _scalar(value: Any) -> bytes:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if value is None or isinstance(value, (bool, int, float)):
        return orjson.dumps(value) if not (isinstance(value, int) and not isinstance(value, bool)) \
            else str(value).encode("ascii")
    raise TypeError(f"Type is not JSON serializable: {type(value).__name__}")


def _string(text: str) -> bytes:
    try:
        return encode_basestring(text).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, read from an escape: written as the escape
        return encode_basestring_ascii(text).encode("ascii")
