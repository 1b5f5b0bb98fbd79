"""Compare two plans: the plan's defaults, common fields, identify/group/page/screen calls and track events.

Track events are matched by name, then by version. An event that gains
versions is compared with its oldest version (the one payloads naming no
version are checked against) and the other versions are additions; the
reverse for an event that loses them.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from protocol_kit.diff.change import Change
from protocol_kit.diff.fields import Scope, diff_fields, openness_change
from protocol_kit.diff.renames import pair_renames
from protocol_kit.plan.model import CALL_TYPES, Event, Plan, version_order

# producer-breaking changes that a new event version avoids (not the removal of the event itself)
NOT_FOR_A_VERSION = frozenset(("DF002", "DF003", "DF007"))


def compare_plans(old: Plan, new: Plan, *, renames: bool = True) -> list[Change]:
    changes = list(_plan_defaults(old, new))
    changes += _common(old, new, renames)
    for call in CALL_TYPES[1:]:
        changes += _call(old, new, call, renames)
    changes += _track_events(old, new, renames)
    return changes


def _plan_defaults(old: Plan, new: Plan) -> Iterator[Change]:
    scope = Scope(event=None, call=None)
    change = openness_change(old.additional_properties, new.additional_properties, scope, "",
                             new.key_locations.get("defaults"))
    if change:
        yield replace(change, text=change.text + " by default (defaults.additional_properties), in every event "
                                                 "and object that does not say")


def _common(old: Plan, new: Plan, renames: bool) -> Iterator[Change]:
    scope = Scope(event=None, call=None, old_default_open=True, new_default_open=True, renames=renames)
    # the envelope accepts any field, and the compiled schema requires none of the top-level ones
    yield from diff_fields(old.common, new.common, scope, prefix="", old_open=True, new_open=True,
                           required_counts=False)


def _call(old: Plan, new: Plan, call: str, renames: bool) -> Iterator[Change]:
    before, after = old.call(call), new.call(call)
    scope = Scope(event=None, call=call)
    if before is None and after is None:
        return
    if before is None:
        yield scope.change("DF001", "now planned: its payloads are checked against the plan", "",
                           source=after.location, producer=True, severity="warning")
    elif after is None:
        yield scope.change("DF002", "no longer planned: its payloads are accepted unchecked", "",
                           source=before.location, producer=False, severity="warning")
    else:
        yield from diff_event(before, after, old, new, replace(scope, renames=renames))


def _track_events(old: Plan, new: Plan, renames: bool) -> Iterator[Change]:
    old_by, new_by = _by_name(old), _by_name(new)
    removed = [versions[0] for name, versions in old_by.items() if name not in new_by]
    added = [versions[0] for name, versions in new_by.items() if name not in old_by]
    pairs = pair_renames(removed, added) if renames and removed and added else []
    renamed_to = {n.name: o for o, n in pairs}
    renamed_from = {o.name for o, _ in pairs}
    for name, versions in new_by.items():
        if name in old_by:
            yield from _with_hints(_versions(old_by[name], versions, old, new, renames), versions)
        elif name in renamed_to:
            before = renamed_to[name]
            yield Change("DF003", f"possibly renamed from '{before.name}' (same properties, close name)",
                         event=name, call="track", old=before.name, new=name, source=versions[0].location)
        else:
            for event in versions:
                yield Change("DF001", "added", event=name, call="track", version=event.version, new=name,
                             source=event.location)
    for name, versions in old_by.items():
        if name not in new_by and name not in renamed_from:
            yield Change("DF002", "removed", event=name, call="track", old=name, source=versions[0].location)


def _versions(old: list[Event], new: list[Event], old_plan: Plan, new_plan: Plan, renames: bool) -> Iterator[Change]:
    old_by = {e.version: e for e in old}
    new_by = {e.version: e for e in new}
    if None in old_by and None not in new_by:  # became versioned: payloads naming none take the oldest
        old_by = {new[0].version: old_by[None]}
    elif None in new_by and None not in old_by:
        new_by = {old[0].version: new_by[None]}
    for version, after in new_by.items():
        before = old_by.get(version)
        if before is None:
            yield Change("DF006", "added", event=after.name, call="track", version=version,
                         new=version, source=after.location)
        else:
            scope = Scope(event=after.name, call="track", version=after.version, renames=renames)
            yield from diff_event(before, after, old_plan, new_plan, scope)
    for version, before in old_by.items():
        if version not in new_by:
            yield Change("DF007", "removed", event=before.name, call="track", version=version,
                         old=version, source=before.location)


def diff_event(old: Event, new: Event, old_plan: Plan, new_plan: Plan, scope: Scope) -> Iterator[Change]:
    scope = replace(scope, old_default_open=old_plan.additional_properties,
                    new_default_open=new_plan.additional_properties)
    if old.status != new.status:
        code, text = ("DF004", "now deprecated") if new.deprecated else ("DF005", "no longer deprecated")
        yield scope.change(code, text, "", old=old.status, new=new.status, source=new.location)
    if old.description != new.description:
        yield scope.change("DF401", "description changed", "", old=old.description, new=new.description,
                           source=new.location)
    if old.owner != new.owner:
        yield scope.change("DF402", f"owner changed from {old.owner or '(none)'} to {new.owner or '(none)'}", "",
                           old=old.owner, new=new.owner, source=new.location)
    old_open = old_plan.additional_properties if old.additional_properties is None else old.additional_properties
    new_open = new_plan.additional_properties if new.additional_properties is None else new.additional_properties
    if old.additional_properties is not None or new.additional_properties is not None:
        change = openness_change(old_open, new_open, scope, "", new.location)
        if change:
            yield change
    yield from diff_fields(old.properties, new.properties, scope, prefix=f"/{new.payload_field}",
                           old_open=old_open, new_open=new_open)


def _with_hints(changes: Iterator[Change], versions: list[Event]) -> Iterator[Change]:
    """The first change that breaks producers of a track event suggests a new version of the event instead."""
    hint = f"to keep old producers valid, plan the change as version {_next_version(versions)} of the event"
    for change in changes:
        if hint and change.breaks_producers and change.code not in NOT_FOR_A_VERSION and change.graded == "error":
            change, hint = replace(change, hint=hint), None
        yield change


def _next_version(versions: list[Event]) -> str:
    if versions[0].version is None:
        return "2"
    last = versions[-1].version
    return str(int(last) + 1) if last.isdigit() else f"after {last}"


def _by_name(plan: Plan) -> dict[str, list[Event]]:
    """Track events by name, each with its versions oldest first (one entry for an unversioned event)."""
    found: dict[str, list[Event]] = {}
    for event in plan.track_events:
        found.setdefault(event.name, []).append(event)
    for versions in found.values():
        versions.sort(key=lambda e: version_order(e.version or ""))
    return found
