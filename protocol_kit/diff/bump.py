"""``--require-version-bump``: the plan's version must grow as much as its changes require.

Semantic versioning (``2.1.0``): a change that breaks producers needs a major
bump, any other change but documentation at least a minor one. SchemaVer
(``MODEL-REVISION-ADDITION``, such as ``1-0-2``), used when the plan's
version is written that way: a change that breaks producers needs a MODEL
bump, one that may conflict with events already sent (a property added to an
open object) a REVISION, any other change an ADDITION.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from protocol_kit.diff.change import DOCUMENTATION, Change
from protocol_kit.violation import Location, Violation

SEMVER = re.compile(r"v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?")
SCHEMAVER = re.compile(r"(\d+)-(\d+)-(\d+)")
LEVELS = {"semver": ("major", "minor", "patch"), "schemaver": ("MODEL", "REVISION", "ADDITION")}


@dataclass(frozen=True, slots=True)
class Requirement:
    scheme: str  # semver or schemaver
    level: int | None  # 0 major/MODEL, 1 minor/REVISION, 2 patch/ADDITION; None: no bump needed
    expected: str | None  # the lowest version the new plan may have

    @property
    def level_name(self) -> str | None:
        return None if self.level is None else LEVELS[self.scheme][self.level]

    def to_dict(self) -> dict:
        return {"scheme": self.scheme, "level": self.level_name, "expected": self.expected}


def scheme_of(*versions: str | None) -> str:
    return "schemaver" if any(v and SCHEMAVER.fullmatch(v.strip()) for v in versions) else "semver"


def required_level(changes: Iterable[Change], scheme: str) -> int | None:
    """The bump the changes need: the strictest any of them asks for."""
    levels = [_level(change, scheme) for change in changes]
    return min((level for level in levels if level is not None), default=None)


def _level(change: Change, scheme: str) -> int | None:
    if change.code in DOCUMENTATION:
        return None
    if change.breaks_producers:  # for sure (an error), or for some events already sent
        return 0 if change.graded == "error" else 1
    return 2 if scheme == "schemaver" else 1


def requirement(old_version: str | None, changes: Iterable[Change], *, new_version: str | None = None) -> Requirement:
    scheme = scheme_of(old_version, new_version)
    level = required_level(changes, scheme)
    base = parse(old_version, scheme)
    expected = None if level is None or base is None else format_version(bumped(base, level), scheme)
    return Requirement(scheme=scheme, level=level, expected=expected)


def check_bump(old_version: str | None, new_version: str | None, changes: list[Change],
               where: Location | None) -> tuple[Requirement, Violation | None]:
    """The requirement, and a DF501 finding when the new version does not meet it."""
    need = requirement(old_version, changes, new_version=new_version)
    if need.level is None:
        return need, None
    article = "an" if need.level_name[0].lower() in "aeiou" else "a"
    what = f"changes that need {article} {need.level_name} bump ({need.scheme})"
    if parse(old_version, need.scheme) is None:
        return need, _finding(f"cannot check the version: the old plan's version {old_version!r} is not "
                              f"{_written(need.scheme)}, and the plan has {what}", None, new_version, where)
    new = parse(new_version, need.scheme)
    if new is None:
        return need, _finding(f"the plan's version {new_version!r} is not {_written(need.scheme)}; it has {what}: "
                              f"expected at least {need.expected}", need.expected, new_version, where)
    if new < bumped(parse(old_version, need.scheme), need.level):
        return need, _finding(f"the plan has {what} but its version is {new_version} (was {old_version}): "
                              f"expected at least {need.expected}", need.expected, new_version, where)
    return need, None


def parse(version: str | None, scheme: str) -> tuple[int, int, int] | None:
    if version is None:
        return None
    match = (SCHEMAVER if scheme == "schemaver" else SEMVER).fullmatch(str(version).strip())
    if match is None:
        return None
    return tuple(int(part or 0) for part in match.groups()[:3])


def bumped(version: tuple[int, int, int], level: int) -> tuple[int, int, int]:
    parts = list(version)
    parts[level] += 1
    return tuple(parts[: level + 1] + [0] * (2 - level))


def format_version(version: tuple[int, int, int], scheme: str) -> str:
    return ("-" if scheme == "schemaver" else ".").join(map(str, version))


def _written(scheme: str) -> str:
    return "a SchemaVer version (MODEL-REVISION-ADDITION)" if scheme == "schemaver" else "a semantic version"


def _finding(message: str, expected: str | None, actual: str | None, where: Location | None) -> Violation:
    return Violation.of("DF501", message, expected=expected, actual=actual, source=where)
