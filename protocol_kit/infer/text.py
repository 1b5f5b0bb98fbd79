"""Numbers as the evidence shows them: ``3,120 events``, ``98.7%``, ``string 96%, integer 4%``."""
from __future__ import annotations


def count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def percent(part: int, whole: int) -> str:
    """``100%`` only when ``part`` is all of ``whole``; ``>99.9%`` and ``<0.1%`` at the edges."""
    if not whole:
        return "0%"
    if part == whole:
        return "100%"
    if part == 0:
        return "0%"
    share = 100 * part / whole
    if share > 99.9:
        return ">99.9%"
    if share < 0.1:
        return "<0.1%"
    return f"{share:.1f}".rstrip("0").rstrip(".") + "%"


def histogram(types: dict[str, int]) -> str:
    """The types of a path, most common first, as shares of all its values."""
    total = sum(types.values())
    ordered = sorted(types.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{name} {percent(n, total)}" for name, n in ordered)


def day_range(first: str | None, last: str | None) -> str | None:
    """``2026-11-20..11-27`` (the year once when both are in it), or one day."""
    if not first or not last:
        return None
    start, end = first[:10], last[:10]
    if start == end:
        return start
    return f"{start}..{end[5:]}" if start[:4] == end[:4] else f"{start}..{end}"
