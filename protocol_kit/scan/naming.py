"""Naming conventions for event and property names introduced in code."""
from __future__ import annotations

import re

CONVENTIONS: dict[str, re.Pattern[str]] = {
    "object_action_title": re.compile(r"[A-Z][A-Za-z0-9]*( [A-Z0-9][A-Za-z0-9]*)+"),
    "title_case": re.compile(r"[A-Z][A-Za-z0-9]*( [A-Z0-9][A-Za-z0-9]*)*"),
    "snake_case": re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*"),
    "camel_case": re.compile(r"[a-z][a-zA-Z0-9]*"),
    "pascal_case": re.compile(r"[A-Z][a-zA-Z0-9]*"),
    "kebab_case": re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*"),
}


def follows(name: str, convention: str) -> bool:
    """True when ``name`` follows ``convention``; unknown conventions accept every name."""
    pattern = CONVENTIONS.get(convention)
    return pattern is None or pattern.fullmatch(name) is not None
