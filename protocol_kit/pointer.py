"""JSON pointers (RFC 6901), the one way every finding says where in a payload or a plan it is.

    >>> join(["properties", "a/b", 0])
    '/properties/a~1b/0'
    >>> parse("/properties/a~1b/0")
    ['properties', 'a/b', '0']
"""
from __future__ import annotations

from typing import Iterable


def escape(part: object) -> str:
    """One reference token: ``~`` as ``~0``, ``/`` as ``~1`` (in that order)."""
    return str(part).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(parts: Iterable[object], prefix: str = "") -> str:
    """The pointer of ``parts`` (keys and array indices), appended to the pointer ``prefix``."""
    return prefix + "".join("/" + escape(part) for part in parts)


def parse(pointer: str) -> list[str]:
    """The unescaped reference tokens of ``pointer`` ("" is the whole document: no token)."""
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r} (it must be empty or start with '/')")
    return [unescape(token) for token in pointer[1:].split("/")]
