"""Naming conventions for event and property names, and the normal form used to find near-duplicates."""
from __future__ import annotations

import re
from typing import Callable

from protocol_kit.suggest import normalise

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def shape(name: str) -> str:
    """``name`` with each upper-case letter as ``A``, each other letter as ``a`` and each digit as ``0``: the
    conventions and :func:`words` read it, so that names in any script follow them (``Commande Passée``)."""
    return "".join("A" if c.isupper() else "a" if c.isalpha() else "0" if c.isdigit() else c for c in name)


def words(name: str) -> list[str]:
    """``userIPAddress`` -> ``user IP Address``; ``order_completed`` -> ``order completed``."""
    return [name[match.start():match.end()] for match in _WORDS.finditer(shape(name))]


normal_form = normalise  # the key near-duplicates share: ``Order Completed``, ``order_completed``, ``OrderCompleted``


def _object_action_title(name: str) -> bool:
    parts = shape(name).split(" ")
    return len(parts) >= 2 and all(p and re.fullmatch(r"[A-Z0-9][A-Za-z0-9]*", p) for p in parts)


def _shaped(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern)
    return lambda name: compiled.fullmatch(shape(name)) is not None


CONVENTIONS: dict[str, tuple[Callable[[str], bool], str]] = {
    "object_action_title": (_object_action_title, "object-action in Title Case, such as 'Order Completed'"),
    "title_case": (_shaped(r"[A-Z0-9][A-Za-z0-9]*( [A-Z0-9][A-Za-z0-9]*)*"),
                   "Title Case words separated by spaces, such as 'Checkout Step Viewed'"),
    "snake_case": (_shaped(r"[a-z][a-z0-9]*(_[a-z0-9]+)*"), "snake_case, such as 'order_id'"),
    "camelCase": (_shaped(r"[a-z][a-z0-9]*([A-Z][a-z0-9]*)*"), "camelCase, such as 'orderId'"),
    "PascalCase": (_shaped(r"([A-Z][a-z0-9]*)+"), "PascalCase, such as 'OrderCompleted'"),
    "kebab-case": (_shaped(r"[a-z][a-z0-9]*(-[a-z0-9]+)*"), "kebab-case, such as 'order-id'"),
    "any": (lambda n: True, "any name"),
}


def follows(name: str, convention: str) -> bool:
    check, _ = CONVENTIONS[convention]
    return check(name)


def describe(convention: str) -> str:
    return CONVENTIONS[convention][1]


def suggest(name: str, convention: str) -> str | None:
    """The name rewritten in ``convention``, when it can be (``completed_order`` -> ``Completed Order``)."""
    parts = words(name)
    if not parts:
        return None
    styles = {
        "object_action_title": " ".join(p[:1].upper() + p[1:] for p in parts),
        "title_case": " ".join(p[:1].upper() + p[1:] for p in parts),
        "snake_case": "_".join(p.lower() for p in parts),
        "camelCase": parts[0].lower() + "".join(p[:1].upper() + p[1:].lower() for p in parts[1:]),
        "PascalCase": "".join(p[:1].upper() + p[1:].lower() for p in parts),
        "kebab-case": "-".join(p.lower() for p in parts),
    }
    candidate = styles.get(convention)
    return candidate if candidate and candidate != name and follows(candidate, convention) else None
