"""Near misses, and the one way they are suggested: ``Order Complete`` -> ``(did you mean 'Order Completed'?)``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

_NOT_LETTERS_OR_DIGITS = re.compile(r"[\W_]+")


def normalise(name: str) -> str:
    """Case and separator insensitive form, in any script: ``Order_Completed``, ``order completed`` and
    ``OrderCompleted`` are equal, and so are ``Größe`` and ``grösse``; ``Café`` and ``Caf`` are not."""
    return _NOT_LETTERS_OR_DIGITS.sub("", name.casefold())


def closest(name: str, planned: Iterable[str]) -> str | None:
    """The planned name ``name`` was most likely meant to be, if one is close."""
    return _closest(name, tuple(planned))


@lru_cache(maxsize=4096)  # the same misspellings come back event after event
def _closest(name: str, planned: tuple[str, ...]) -> str | None:
    key = normalise(name)
    by_key = _normalised(planned)
    if key in by_key:
        return by_key[key]
    import difflib  # only when a name is not known

    match = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
    return by_key[match[0]] if match else None


@lru_cache(maxsize=256)
def _normalised(planned: tuple[str, ...]) -> dict[str, str]:
    return {normalise(p): p for p in planned}



def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.6, otherwise: str = "") -> str:
    """`` (did you mean 'x'?)`` for the choice closest to ``word`` (a key, a code), else ``otherwise``."""
    import difflib  # only when a name is not known

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return hint(match[0]) if match else otherwise


def hint(best: str | None) -> str:
    """The suggestion of ``best`` as appended to a message, "" for none."""
    return f" (did you mean '{best}'?)" if best else ""
