"""What happens to an event once checked: pass, omit unplanned properties, drop, quarantine or report.

A conforming event (no violation of severity error) passes. What happens to
the others is the code policy's action per code (``protocol_kit.policy``):
an error whose code's action is ``pass`` does not count; when every other
error's action is ``omit`` (``omit_unplanned`` makes it the action of EV005,
unplanned properties), the event passes once the offending fields are
removed and it then conforms, and what was removed is recorded in the event
as ``context.protocols.omitted`` (as Segment Protocols does). Any other
nonconforming event is reported (``report`` mode), dropped (``block``, or any
mode for an error whose action is ``drop``) or quarantined (``quarantine``).
"""
from __future__ import annotations

import copy
from typing import Any, Callable

from protocol_kit import pointer
from protocol_kit.events.record import EventRecord
from protocol_kit.policy import CodePolicy
from protocol_kit.violation import Violation

UNPLANNED_PROPERTY = "EV005"
FAILED_OUTCOME = {"report": "reported", "block": "dropped", "quarantine": "quarantined"}


def has_error(violations: list[Violation]) -> bool:
    return any(v.severity == "error" for v in violations)


def blocking(violations: list[Violation], policy: CodePolicy) -> list[Violation]:
    """The errors that make an event nonconforming: those whose code's action is not ``pass``."""
    return [v for v in violations if v.severity == "error" and policy.action_of(v.code) != "pass"]


def omittable(record: EventRecord, errors: list[Violation], policy: CodePolicy, *, omit: bool = False) -> bool:
    """True when removing the fields of ``errors`` may be all it takes to make the event conform."""
    return record.parsed and bool(errors) and all(_omits(v, policy, omit) for v in errors)


def _omits(v: Violation, policy: CodePolicy, omit: bool) -> bool:
    action = policy.action_of(v.code)
    return bool(v.path) and (action == "omit" or (action is None and omit and v.code == UNPLANNED_PROPERTY))


def omit_fields(payload: dict[str, Any], violations: list[Violation]) -> dict[str, Any]:
    """A copy of ``payload`` without the fields of ``violations``, listing them in ``context.protocols.omitted``."""
    stripped = copy.deepcopy(payload)
    omitted = []
    for v in violations:
        if _remove(stripped, v.path):
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
           recheck: Callable[[Any], bool], policy: CodePolicy = CodePolicy()) -> tuple[str, Any]:
    """The outcome of a checked event and the payload to pass on (None: the record's own bytes)."""
    if mode == "report":
        return ("reported" if has_error(violations) else "passed"), None
    errors = blocking(violations, policy)
    if not errors:
        return "passed", None
    if omittable(record, errors, policy, omit=omit):
        stripped = omit_fields(record.payload, errors)
        if recheck(stripped):
            return "omitted", stripped
    if any(policy.action_of(v.code) == "drop" for v in errors):
        return "dropped", None
    return FAILED_OUTCOME[mode], None
