"""The changes between two plans as Markdown release notes: what changed, without severities or impact.

Grouped as readers look for them: the plan's defaults, common fields, the
identify/group/page/screen calls, then new, removed and changed events, each
changed event with its properties. Accepted (ignored) changes are changes
too, so they are listed.
"""
from __future__ import annotations

from typing import Iterable

from protocol_kit.diff.api import DiffResult
from protocol_kit.diff.change import Change, field_label
from protocol_kit.plan.model import CALL_TYPES


def changelog_markdown(result: DiffResult) -> str:
    changes = result.all_changes
    old, new = result.old, result.new
    versions = f" {old.version or '(no version)'} → {new.version or '(no version)'}" \
        if old.version or new.version else ""
    lines = [f"## {new.name}{versions}", ""]
    if not changes:
        return "\n".join(lines + ["No changes."]) + "\n"
    lines += _section("Plan", [c for c in changes if c.call is None and not c.path])
    lines += _section("Common fields", [c for c in changes if c.call is None and c.path])
    for call in CALL_TYPES[1:]:
        lines += _section(f"`{call}` calls", [c for c in changes if c.call == call])
    track = [c for c in changes if c.call == "track"]
    lines += _section("New events", [c for c in track if c.code == "DF001"], entry=_event_entry(new))
    lines += _section("Removed events", [c for c in track if c.code == "DF002"], entry=_event_entry(old))
    changed = [c for c in track if c.code not in ("DF001", "DF002")]
    if changed:
        lines += ["### Changed events", ""]
        for name in dict.fromkeys(c.event for c in changed):
            lines += [f"#### {name}", "", *(_line(c) for c in changed if c.event == name), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(title: str, changes: list[Change], entry=None) -> list[str]:
    if not changes:
        return []
    return [f"### {title}", "", *((entry or _line)(c) for c in changes), ""]


def _line(change: Change) -> str:
    where = f"version {change.version}: " if change.version else ""
    if not change.path:
        return f"- {_sentence(where + change.text)}"
    label = field_label(change.path, in_payload_field=change.call is not None)
    return f"- {where}`{label}`: {change.text}"


def _event_entry(plan):
    def entry(change: Change) -> str:
        event = next((e for e in plan.track_events if e.name == change.event
                      and (change.version is None or e.version == change.version)), None)
        version = f" (version {change.version})" if change.version else ""
        description = f": {event.description}" if event is not None and event.description else ""
        return f"- **{change.event}**{version}{description}"
    return entry


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def changelogs(results: Iterable[DiffResult]) -> str:
    return "\n".join(changelog_markdown(r) for r in results)
