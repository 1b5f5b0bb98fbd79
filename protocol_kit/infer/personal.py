"""Personal data in a property path, judged by the detector from the path's name and sampled values."""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from protocol_kit.pii import PiiRules, classify_name, detect_pii, mask_value


class PathJudge:
    """The detector's judgements for one path (``name`` under ``parents``), each value looked at once."""

    def __init__(self, name: str, parents: tuple[str, ...], *, rules: PiiRules | None):
        self.name, self.parents, self.rules = name, parents, rules
        self.seen: dict[Any, tuple[str, ...]] = {}

    def judge(self, samples: Iterable[Any]) -> tuple[str | None, str | None]:
        """``(category, basis)``: what the name says and what the sampled values prove (basis ``name``,
        ``value`` or ``both``), or ``(None, None)``."""
        by_name = classify_name(self.name, self.parents, rules=self.rules)
        found: Counter[str] = Counter()
        for value in samples:
            found.update(self.categories(value))
        by_value = found.most_common(1)[0][0] if found else None
        if by_value is None:
            return (by_name, "name") if by_name else (None, None)
        return by_value, "both" if by_name == by_value else "value"

    def masked(self, values: Iterable[Any], category: str | None) -> tuple[Any, ...]:
        """The values, each masked when the path is personal data or the detector finds some in it
        (a value whose mask keeps nothing of its shape, such as ``***``, is left out)."""
        shown = []
        for value in values:
            found = category or next(iter(self.categories(value)), None)
            if found and isinstance(value, (str, int, float)):
                value = mask_value(value, found)
                if type(value) is not str or not value.strip("*"):
                    continue  # a mask with no shape left says nothing: no example
            shown.append(value)
        return tuple(dict.fromkeys(shown))

    def categories(self, value: Any) -> tuple[str, ...]:
        """What the detector finds in ``value`` (beyond the name alone) at this path."""
        key = (type(value), value)
        if key not in self.seen:
            payload: Any = {self.name: value}
            for parent in reversed(self.parents):
                payload = {parent: payload}
            self.seen[key] = tuple(f.category for f in detect_pii(payload, rules=self.rules) if f.matched_on != "name")
        return self.seen[key]
