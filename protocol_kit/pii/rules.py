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
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # baselines load only when one is given
    from protocol_kit.baseline import Baseline

# Fields analytics SDKs fill in on every call. Their findings are flagged ``expected`` by
# ``detect_pii`` and not reported by the validator. ``userId``, ``anonymousId`` and traits
# are not among them: an email used as an id is the classic leak.
DEFAULT_EXPECTED_PATHS = (
    "context.ip", "context.userAgent", "context.userAgentData.**", "context.location.**",
    "context.device.**", "context.library.**", "context.app.**", "context.os.**", "context.screen.**",
    "context.network.**", "context.locale", "context.timezone", "context.instanceId", "context.sessionId",
    "context.channel", "channel",
)
# Default severity of a finding by the sensitivity of its category: low never fails a run.
DEFAULT_SEVERITIES = {"high": "error", "medium": "error", "low": "info"}
SEVERITIES = ("info", "warning", "error")
MAX_RULE_INPUT = 4096  # characters of a value that custom and allow-list regexes see


class AllowEntry(NamedTuple):
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


class ValueRule(NamedTuple):
    """Strings matching ``pattern`` (searched) are ``category``."""

    pattern: re.Pattern[str]
    category: str


@dataclass(frozen=True, slots=True)
class PiiRules:
    allow: tuple[AllowEntry, ...] = ()
    name_rules: tuple[tuple[str, str], ...] = ()   # (word or phrase, category)
    value_rules: tuple[ValueRule, ...] = ()
    expected_paths: tuple[str, ...] = DEFAULT_EXPECTED_PATHS
    baseline: Baseline | None = None  # accepted findings (protocol_kit.baseline); None: no baseline
    # (category or sensitivity, severity) pairs over DEFAULT_SEVERITIES; a category wins over its sensitivity
    severities: tuple[tuple[str, str], ...] = ()

    def is_expected(self, path: str) -> bool:
        return any(path_matches(pattern, path) for pattern in self.expected_paths)

    def severity_of(self, category: str, sensitivity: str) -> str:
        """The severity of a finding: configured for its category, else for its sensitivity."""
        chosen = dict(self.severities)
        return chosen.get(category) or chosen.get(sensitivity) or DEFAULT_SEVERITIES[sensitivity]

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


def path_segments(pattern: str) -> tuple[str, ...] | None:
    """The keys of a path glob naming one field (``context.ip``), or None when it has wildcards or indices."""
    if not pattern or any(ch in pattern for ch in '*[]"?'):
        return None
    return tuple(pattern.split("."))
