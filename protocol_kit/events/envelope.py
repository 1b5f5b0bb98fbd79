"""Segment-spec envelopes: which call an event is, its name and its message id.

``track`` carries ``event`` and ``properties``; ``identify`` and ``group``
carry ``traits``; ``page`` and ``screen`` carry ``name`` and ``properties``.
An object with ``event`` and no ``type`` is a track call.
"""
from __future__ import annotations

from typing import Any

from protocol_kit.spec import CALLS


def call_of(payload: Any) -> tuple[str, str | None] | str:
    """``(call, event name)`` of an event, or the reason it is not a usable event."""
    if not isinstance(payload, dict):
        return f"event is not a JSON object (got {json_type(payload)})"
    call = payload.get("type")
    if call is None:
        if "event" not in payload:
            return "event has neither 'type' nor 'event'"
        call = "track"
    if not isinstance(call, str):
        return f"call type must be a string, got {json_type(call)}; expected one of: {', '.join(CALLS)}"
    if call not in CALLS:
        return f"unknown call type '{call}'; expected one of: {', '.join(CALLS)}"
    if call != "track":
        name = payload.get("name")
        return call, name if isinstance(name, str) else None
    name = payload.get("event")
    if not isinstance(name, str) or not name.strip():
        return "track call without an event name" if name is None or isinstance(name, str) \
            else f"event name must be a string, got {json_type(name)}"
    return call, name


def message_id_of(payload: Any) -> str | None:
    if isinstance(payload, dict):
        value = payload.get("messageId")
        return value if isinstance(value, str) else None
    return None


def json_type(value: Any) -> str:
    """The JSON Schema type name of a parsed JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else type(value).__name__
