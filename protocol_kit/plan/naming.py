"""Naming conventions for event and property names, and the normal form used to find near-duplicates."""
from __future__ import annotations

import re
from typing import Callable

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def words(name: str) -> list[str]:
    """``userIPAddress`` -> ``user IP Address``; ``order_completed`` -> ``order completed``."""
    return _WORDS.findall(name)


def normal_form(name: str) -> str:
    """Case- and separator-insensitive key: ``Order Completed``, ``order_completed``, ``OrderCompleted`` agree."""
    return "".join(w.lower() for w in words(name))


def _object_action_title(name: str) -> bool:
    parts = name.split(" ")
    return len(parts) >= 2 and all(p and re.fullmatch(r"[A-Z0-9][A-Za-z0-9]*", p) for p in parts)


CONVENTIONS: dict[str, tuple[Callable[[str], bool], str]] = {
    "object_action_title": (_object_action_title, "object-action in Title Case, such as 'Order Completed'"),
    "title_case": (lambda n: bool(re.fullmatch(r"[A-Z0-9][A-Za-z0-9]*( [A-Z0-9][A-Za-z0-9]*)*", n)),
                   "Title Case words separated by spaces, such as 'Checkout Step Viewed'"),
    "snake_case": (lambda n: bool(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", n)), "snake_case, such as 'order_id'"),
    "camelCase": (lambda n: bool(re.fullmatch(r"[a-z][a-z0-9]*([A-Z][a-z0-9]*)*", n)), "camelCase, such as 'orderId'"),
    "PascalCase": (lambda n: bool(re.fullmatch(r"([A-Z][a-z0-9]*)+", n)), "PascalCase, such as 'OrderCompleted'"),
    "kebab-case": (lambda n: bool(re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", n)), "kebab-case, such as 'order-id'"),
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
