"""What the detector reports: allow-lists, custom rules, expected SDK fields, the baseline.

:class:`PiiRules` is plain data; :func:`~protocol_kit.pii.config.rules_from_config`
builds it from the ``[tool.protocol-kit.pii]`` table.

Path globs match dotted paths: ``*`` stands for any characters within one
segment (``properties.*.email``, ``products[*]``), ``**`` for any number of
segments.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache

# Fields analytics SDKs send on every call; not reported unless configured.
DEFAULT_EXPECTED_PATHS = (
    "anonymousId", "userId", "previousId", "groupId",
    "context.ip", "context.device.id", "context.device.advertisingId", "context.device.token",
)
MAX_RULE_INPUT = 4096  # characters of a value that custom and allow-list regexes see


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """Findings to leave out: every given field must match. ``reason`` says why."""

    reason: str
    event: str | None = None
    path: str | None = None
    category: str | None = None
    value: re.Pattern[str] | None = None

    def matches(self, event: str | None, path: str, category: str, raw: object) -> bool:
        return ((self.event is None or fnmatch.fnmatchcase(event or "", self.event))
                and (self.path is None or path_matches(self.path, path))
                and (self.category is None or self.category == category)
                and (self.value is None or self.value.search(str(raw)[:MAX_RULE_INPUT]) is not None))


@dataclass(frozen=True, slots=True)
class ValueRule:
    """Strings matching ``pattern`` (searched) are ``category``."""

    pattern: re.Pattern[str]
    category: str


@dataclass(frozen=True, slots=True)
class PiiRules:
    allow: tuple[AllowEntry, ...] = ()
    name_rules: tuple[tuple[str, str], ...] = ()   # (word or phrase, category)
    value_rules: tuple[ValueRule, ...] = ()
    expected_paths: tuple[str, ...] = DEFAULT_EXPECTED_PATHS
    baseline: frozenset[tuple[str, str, str]] = field(default=frozenset())

    def is_expected(self, path: str) -> bool:
        return any(path_matches(pattern, path) for pattern in self.expected_paths)

    def allowed(self, event: str | None, path: str, category: str, raw: object) -> bool:
        return any(entry.matches(event, path, category, raw) for entry in self.allow)

    def custom_category(self, text: str) -> str | None:
        text = text[:MAX_RULE_INPUT]
        return next((rule.category for rule in self.value_rules if rule.pattern.search(text)), None)


DEFAULT_RULES = PiiRules()


def path_matches(pattern: str, path: str) -> bool:
    return _compile_glob(pattern).fullmatch(path) is not None


@lru_cache(maxsize=1024)
def _compile_glob(pattern: str) -> re.Pattern[str]:
    parts = []
    for piece in re.split(r"(\*\*|\*)", pattern):
        parts.append(".*" if piece == "**" else r"[^.]*" if piece == "*" else re.escape(piece))
    return re.compile("".join(parts))
