"""Where a removal is shown when the old plan was read from git: at the nearest place left in the new plan.

Annotations (GitHub, SARIF) can only point at files of the working tree, so
what was removed is located at what still holds it in the new plan: the
parent property, the event, or the plan's ``events:``/``common:`` key. The
message keeps the old place, ``REF:path:line``.
"""
from __future__ import annotations

from dataclasses import replace

from protocol_kit.diff.change import Change
from protocol_kit.plan.model import Plan, Property
from protocol_kit.violation import Location


def in_new_plan(change: Change, old: Plan, new: Plan) -> Change:
    """``change`` located in ``new`` when it is located in ``old`` (a plan file or a schemas folder)."""
    file = change.source.file if change.source is not None else None
    if file is None or old.source is None or not (file == old.source or file.startswith(old.source + "/")):
        return change
    where = nearest(change, new)
    if where is None:
        return change
    return replace(change, source=where, text=f"{change.text} (was at {change.source})")


def nearest(change: Change, new: Plan) -> Location | None:
    steps = [part.replace("~1", "/").replace("~0", "~") for part in change.path.strip("/").split("/") if part]
    if change.call is None:  # a common field
        return _deepest(new.common, steps) or new.key_locations.get("common") or new.key_locations.get("plan")
    event = next((e for e in new.events if e.call == change.call and (change.call != "track" or (
        e.name == change.event and e.version in (change.version, None)))), None)
    if event is None:
        return new.key_locations.get("events" if change.call == "track" else change.call) \
            or new.key_locations.get("plan")
    return _deepest(event.properties, steps[1:]) or event.location


def _deepest(fields: tuple[Property, ...], steps: list[str]) -> Location | None:
    """The location of the deepest property of ``steps`` (a payload path) that the fields still have."""
    found = None
    for step in steps:
        if step == "*":
            continue
        prop = next((p for p in fields if p.name == step), None)
        if prop is None:
            break
        found = prop.location
        fields = prop.items.properties if prop.items is not None else prop.properties
    return found
