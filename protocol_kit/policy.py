"""Which finding codes are reported, and how severe: one policy, applied to any stream of violations.

``select`` and ``ignore`` take codes or prefixes, ruff's way: the longest matching
selector wins and ``ignore`` wins ties. ``severity`` re-grades codes (the longest
matching prefix wins). ``per_file_ignores`` ignores codes in files matching a
pattern (fnmatch, on the path as reported and on the file name). ``actions`` say
what enforcement does with an event that has an error of a code (block and
quarantine modes): ``pass`` it anyway, ``omit`` the offending field and pass it
if it then conforms, or ``drop`` it (even in quarantine mode); an error with no
action makes the event nonconforming, dropped or quarantined as the mode says. Plan lint, scan
and validate all read theirs from ``[tool.protocol-kit]`` (see docs/config.md).
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import PurePath
from types import MappingProxyType
from typing import Any, Iterable, Iterator, Mapping

from protocol_kit import codes
from protocol_kit.violation import Violation

ACTIONS = ("pass", "omit", "drop")


@dataclass(frozen=True, slots=True)
class CodePolicy:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # code or prefix -> severity
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    actions: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # code or prefix -> action

    def selects(self, code: str) -> bool:
        """True when ``code`` is reported in some file (unselected rules need not run)."""
        return codes.is_selected(code, select=self.select, ignore=self.ignore)

    def severity_of(self, code: str) -> str | None:
        """The configured severity of ``code``, None when it keeps its own."""
        matching = [(len(prefix), level) for prefix, level in self.severity.items() if code.startswith(prefix.upper())]
        return max(matching)[1] if matching else None

    def action_of(self, code: str) -> str | None:
        """The enforcement action configured for ``code`` (the longest matching prefix), None for the mode's."""
        matching = [(len(prefix), action) for prefix, action in self.actions.items() if code.startswith(prefix.upper())]
        return max(matching)[1] if matching else None

    def apply(self, violations: Iterable[Violation]) -> Iterator[Violation]:
        """The violations this policy reports, with their configured severities."""
        if self.is_default:
            yield from violations
            return
        for violation in violations:
            if not self.selects(violation.code) or self._ignored_in_file(violation):
                continue
            override = self.severity_of(violation.code)
            yield violation.with_severity(override) if override and override != violation.severity else violation

    def merged(self, override: "CodePolicy") -> "CodePolicy":
        """This policy with a command's own: its ``select`` replaces, the rest adds (the command's winning)."""
        return CodePolicy(select=override.select or self.select, ignore=(*self.ignore, *override.ignore),
                          severity=MappingProxyType({**self.severity, **override.severity}),
                          per_file_ignores=MappingProxyType({**self.per_file_ignores, **override.per_file_ignores}),
                          actions=MappingProxyType({**self.actions, **override.actions}))

    @property
    def is_default(self) -> bool:
        return not (self.select or self.ignore or self.severity or self.per_file_ignores)  # actions: not a filter

    def __reduce__(self) -> tuple[Any, ...]:  # its read-only mappings do not pickle (worker processes started without fork)
        return _policy, (self.select, self.ignore, dict(self.severity), dict(self.per_file_ignores), dict(self.actions))

    def _ignored_in_file(self, violation: Violation) -> bool:
        file = violation.source.file
        if file is None or not self.per_file_ignores:
            return False
        name, posix = PurePath(file).name, PurePath(file).as_posix()
        return any(codes.matches(violation.code, ignored) for pattern, ignored in self.per_file_ignores.items()
                   if fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(name, pattern))


def _policy(select: tuple[str, ...], ignore: tuple[str, ...], severity: dict[str, str],
            per_file_ignores: dict[str, tuple[str, ...]], actions: dict[str, str]) -> CodePolicy:
    return CodePolicy(select=select, ignore=ignore, severity=MappingProxyType(severity),
                      per_file_ignores=MappingProxyType(per_file_ignores), actions=MappingProxyType(actions))
