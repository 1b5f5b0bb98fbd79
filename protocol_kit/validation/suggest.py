"""Near-miss names: ``Order Complete`` -> ``Order Completed``."""
from __future__ import annotations

import difflib
import re
from typing import Iterable

_SEPARATORS = re.compile(r"[\s_\-.:/]+")


def normalise(name: str) -> str:
    """Case and separator insensitive form: ``Order_Completed`` and ``order completed`` are equal."""
    return _SEPARATORS.sub("", name).lower()


def closest(name: str, planned: Iterable[str]) -> str | None:
    """The planned name ``name`` was most likely meant to be, if one is close."""
    planned = list(planned)
    key = normalise(name)
    by_key = {normalise(p): p for p in planned}
    if key in by_key:
        return by_key[key]
    match = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
    return by_key[match[0]] if match else None

