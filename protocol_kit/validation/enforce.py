"""What happens to an event once checked: pass, omit unplanned properties, drop, quarantine or report.

A conforming event (no violation of severity error) passes. With
``omit_unplanned``, an event whose only errors are unplanned properties
(EV005) passes once they are removed; what was removed is recorded in the
event as ``context.protocols.omitted`` (as Segment Protocols does). Any other
nonconforming event is reported (``report`` mode), dropped (``block``) or
quarantined (``quarantine``).
"""
from __future__ import annotations

import copy
from typing import Any, Callable

from protocol_kit import pointer
from protocol_kit.events.record import EventRecord
from protocol_kit.violation import Violation

UNPLANNED_PROPERTY = "EV005"
FAILED_OUTCOME = {"report": "reported", "block": "dropped", "quarantine": "quarantined"}


def has_error(violations: list[Violation]) -> bool:
    return any(v.severity == "error" for v in violations)


def omittable(record: EventRecord, violations: list[Violation]) -> bool:
    """True when removing unplanned properties is all it takes to make the event conform."""
    errors = [v for v in violations if v.severity == "error"]
    return record.parsed and bool(errors) and all(v.code == UNPLANNED_PROPERTY for v in errors)


def omit_unplanned(payload: dict[str, Any], violations: list[Violation]) -> dict[str, Any]:
    """A copy of ``payload`` without its unplanned properties, listing them in ``context.protocols.omitted``."""
    stripped = copy.deepcopy(payload)
    omitted = []
    for v in violations:
        if v.code == UNPLANNED_PROPERTY and _remove(stripped, v.path):
            omitted.append(_field_name(v.path))
    context = stripped.get("context")
    if not isinstance(context, dict):
        context = stripped["context"] = {}
    protocols = context.get("protocols")
    if not isinstance(protocols, dict):
        protocols = context["protocols"] = {}
    protocols["omitted"] = [*protocols.get("omitted", ()), *omitted] if isinstance(
        protocols.get("omitted"), list) else omitted
    return stripped


def _parts(path: str) -> list[str]:
    return pointer.parse(path)


def _field_name(path: str) -> str:
    """``/properties/products/0/colour`` -> ``products/0/colour``: the field inside the payload section."""
    parts = _parts(path)
    return "/".join(parts[1:] if len(parts) > 1 and parts[0] in ("properties", "traits") else parts)


def _remove(document: Any, path: str) -> bool:
    *parents, last = _parts(path)
    for part in parents:
        if isinstance(document, list):
            document = document[int(part)]
        else:
            document = document[part]
    if isinstance(document, dict) and last in document:
        del document[last]
        return True
    return False


def decide(record: EventRecord, violations: list[Violation], *, mode: str, omit: bool,
           recheck: Callable[[Any], bool]) -> tuple[str, Any]:
    """The outcome of a checked event and the payload to pass on (None: the record's own bytes)."""
    if not has_error(violations):
        return "passed", None
    if omit and mode != "report" and omittable(record, violations):
        stripped = omit_unplanned(record.payload, violations)
        if recheck(stripped):
            return "omitted", stripped
    return FAILED_OUTCOME[mode], None
