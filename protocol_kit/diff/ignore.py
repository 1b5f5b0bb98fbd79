"""The ignore file: changes accepted on purpose, each with a reason and, optionally, an expiry date.

```yaml
# .protocol-kit/diff-ignore.yaml
- code: DF104                 # a code, a prefix (DF1) or a name (property-removed)
  event: Order Completed      # optional: an event, a call (identify...) or common; any when left out
  property: coupon            # optional: a name, a dotted path (products[].sku) or a JSON pointer
  reason: coupon was never sent by any app
  expires: 2026-03-31         # optional: after this day the change is reported again, with DF502
```

The entries may also sit under an ``ignore:`` key. An expired entry ignores
nothing and is itself a finding (DF502); an entry that matches no change is
DF503.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from protocol_kit import codes
from protocol_kit.diff.change import Change, field_label
from protocol_kit.errors import ConfigError
from protocol_kit.violation import Location, Violation

KEYS = ("code", "event", "property", "version", "reason", "expires")


@dataclass(frozen=True, slots=True)
class IgnoreEntry:
    code: str
    reason: str
    event: str | None = None
    property: str | None = None
    version: str | None = None
    expires: datetime.date | None = None
    location: Location | None = None

    def matches(self, change: Change) -> bool:
        entry = codes.by_name(self.code)
        if not (change.code.startswith(self.code.upper()) or (entry is not None and entry.code == change.code)):
            return False
        if self.event is not None and self.event not in (change.event, change.call or "common"):
            return False
        if self.version is not None and self.version != change.version:
            return False
        return self.property is None or self.property in _names(change)

    def expired(self, today: datetime.date) -> bool:
        return self.expires is not None and self.expires < today


@dataclass(frozen=True, slots=True)
class Ignored:
    """What the ignore file did to a run: the changes it accepted and its own findings."""

    changes: tuple[tuple[Change, IgnoreEntry], ...] = ()
    findings: tuple[Violation, ...] = ()


def apply_ignores(changes: Iterable[Change], entries: Iterable[IgnoreEntry],
                  today: datetime.date) -> tuple[list[Change], Ignored]:
    """The changes still reported, and what was ignored (expired entries ignore nothing)."""
    entries = list(entries)
    active = [e for e in entries if not e.expired(today)]
    kept, ignored, used = [], [], set()
    for change in changes:
        entry = next((e for e in active if e.matches(change)), None)
        if entry is None:
            kept.append(change)
        else:
            ignored.append((change, entry))
            used.add(id(entry))
    findings = [_expired(e) for e in entries if e.expired(today)]
    findings += [Violation.of("DF503", f"ignore entry for {_what(e)} matches no change", source=e.location)
                 for e in active if id(e) not in used]
    return kept, Ignored(tuple(ignored), tuple(findings))


def load_ignore_file(path: str | Path) -> list[IgnoreEntry]:
    """The entries of an ignore file; a broken file is a ConfigError naming the file, line and key."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read the ignore file: {error.strerror or error}", Location(file=str(path))) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(f"not valid YAML: {getattr(error, 'problem', None) or error}",
                          _location(path, mark)) from None
    if root is None:
        return []
    if isinstance(data, dict) and set(data) == {"ignore"}:
        data = data["ignore"]
        root = root.value[0][1]
    if not isinstance(data, list):
        raise ConfigError("an ignore file is a list of entries with code, reason and optionally event, property, "
                          "version and expires", _location(path, root.start_mark))
    return [_entry(item, _location(path, node.start_mark)) for item, node in zip(data, root.value)]


def _entry(item: Any, where: Location) -> IgnoreEntry:
    if not isinstance(item, dict):
        raise ConfigError("an ignore entry is a mapping with code and reason", where)
    unknown = [k for k in item if k not in KEYS]
    if unknown:
        raise ConfigError(f"unknown key '{unknown[0]}' in ignore entry; expected: {', '.join(KEYS)}", where)
    for key in ("code", "reason"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise ConfigError(f"ignore entry needs a `{key}`" + (": why the change is accepted" if key == "reason"
                                                                  else ": a DF code, prefix or name"), where)
    code = item["code"].strip()
    if not any(c.startswith(code.upper()) for c in codes.CODES if c.startswith("DF")) and codes.by_name(code) is None:
        raise ConfigError(f"ignore entry code '{code}' matches no plan-change (DF) code", where)
    return IgnoreEntry(code=code, reason=item["reason"].strip(), event=_text(item.get("event")),
                       property=_text(item.get("property")), version=_text(item.get("version")),
                       expires=_date(item.get("expires"), where), location=where)


def _date(value: Any, where: Location) -> datetime.date | None:
    if value is None or (isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"expires must be a date such as 2026-03-31, got {value!r}", where) from None


def _names(change: Change) -> set[str]:
    """How an entry's ``property`` may name the change's field: pointer, dotted path or last name."""
    if not change.path:
        return set()
    label = field_label(change.path, in_payload_field=change.call is not None)
    return {change.path, label, label.rsplit(".", 1)[-1]}


def _expired(entry: IgnoreEntry) -> Violation:
    return Violation.of("DF502", f"ignore entry for {_what(entry)} expired on {entry.expires.isoformat()}; "
                                 f"the change is reported again (reason given: {entry.reason})",
                        source=entry.location, expected=None, actual=entry.expires.isoformat())


def _what(entry: IgnoreEntry) -> str:
    parts = [entry.code] + [f"{key} '{value}'" for key, value in
                            (("event", entry.event), ("property", entry.property), ("version", entry.version)) if value]
    return " ".join(parts)


def _text(value: Any) -> str | None:
    return None if value is None else str(value).strip()


def _location(path: Path, mark) -> Location:
    if mark is None:
        return Location(file=str(path))
    return Location(file=str(path), line=mark.line + 1, column=mark.column + 1)
