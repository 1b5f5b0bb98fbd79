"""Personal data in a property path, judged by the detector from the path's name and sampled values."""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from protocol_kit.pii import PiiRules, classify_name, detect_pii, mask_value


def judge(name: str, parents: tuple[str, ...], samples: Iterable[Any], *,
          rules: PiiRules | None) -> tuple[str | None, str | None]:
    """``(category, basis)``: what the name says and what the sampled values prove (basis ``name``,
    ``value`` or ``both``), or ``(None, None)``."""
    by_name = classify_name(name, parents, rules=rules)
    found: Counter[str] = Counter()
    for value in samples:
        found.update(_categories(name, parents, value, rules))
    by_value = found.most_common(1)[0][0] if found else None
    if by_value is None:
        return (by_name, "name") if by_name else (None, None)
    return by_value, "both" if by_name == by_value else "value"


def masked_examples(name: str, parents: tuple[str, ...], values: Iterable[Any], category: str | None, *,
                    rules: PiiRules | None) -> tuple[Any, ...]:
    """The values, each masked when the path is personal data or the detector finds some in it."""
    shown = []
    for value in values:
        found = category or next(iter(_categories(name, parents, value, rules)), None)
        shown.append(mask_value(value, found) if found and isinstance(value, (str, int, float)) else value)
    return tuple(dict.fromkeys(shown))


def _categories(name: str, parents: tuple[str, ...], value: Any, rules: PiiRules | None) -> list[str]:
    payload: Any = {name: value}
    for parent in reversed(parents):
        payload = {parent: payload}
    return [finding.category for finding in detect_pii(payload, rules=rules) if finding.matched_on != "name"]
