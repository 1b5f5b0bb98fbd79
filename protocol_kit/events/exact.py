"""The slower, exact JSON path, for what the fast parser (orjson) refuses or would change.

orjson refuses some valid JSON (a byte order mark at the start, escaped lone
surrogates such as ``"\\ud800"``, numbers beyond a double such as ``1e400``)
and reads integers beyond 64 bits and long decimals as rounded floats. Input
that may hold such numbers (:func:`may_lose_precision`, a cheap look at the
bytes) or that orjson refuses is read again here, with the standard library:
integers stay exact, and with ``decimals`` every number with a fraction or
an exponent is a :class:`~decimal.Decimal`, so that writing it back gives the
same number (see :func:`protocol_kit.events.jsonl.json_line`).
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

BOM = b"\xef\xbb\xbf"
# A number (right after ':', ',' or '[') of 16 or more digits and dots, or with a three-digit exponent:
# one a double may not hold. Text inside a string can match too; it only costs the slower path.
_MAY_LOSE = re.compile(rb"[:,\[][ \t]*-?\d(?:[\d.]{15}|[\d.]*[eE][+-]?\d{3})")


# Every byte as a class: d (digit or dot), e (exponent), s (sign), x (anything else). A long run of d,
# or d e s? d d d, must be there before the exact test is worth running (bytes.translate and `in` run in C).
_CLASSES = bytes(ord("d") if c in b"0123456789." else ord("e") if c in b"eE" else ord("s") if c in b"+-"
                 else ord("x") for c in range(256))
_RUN = b"d" * 16


def may_lose_precision(data: bytes) -> bool:
    """True when ``data`` may hold a number that a double cannot hold exactly."""
    classes = data.translate(_CLASSES)
    if _RUN not in classes and b"deddd" not in classes and b"desddd" not in classes:
        return False
    return _MAY_LOSE.search(data) is not None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def loads_exact(data: bytes | str, *, decimals: bool = False) -> Any:
    """``data`` parsed exactly: integers of any size, fractions as Decimal with ``decimals``.

    Raises ValueError (``json.JSONDecodeError`` is one) when ``data`` is not JSON,
    RecursionError when it is nested beyond what the standard library can parse.
    """
    if isinstance(data, bytes):
        text = data.removeprefix(BOM).decode("utf-8")
    else:
        text = data.removeprefix("\ufeff")
    return json.loads(text, parse_float=Decimal if decimals else float, parse_constant=_refuse_constant)
