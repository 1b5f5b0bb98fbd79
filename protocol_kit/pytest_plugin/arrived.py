"""The collector's event records (``/pk/events``, ``/pk/wait``) as the plugin's :class:`TrackedCall` records.

A record names its wire format (the SDK that sent it), the Segment-spec event that was checked and its
violations; where it came from is the collector's route and the event's message id.
"""
from __future__ import annotations

from typing import Any, Mapping

from protocol_kit import codes
from protocol_kit.pytest_plugin.checking import best_first
from protocol_kit.pytest_plugin.tracking import TrackedCall, call_of
from protocol_kit.violation import Location, Violation


def arrived_call(record: Mapping[str, Any]) -> TrackedCall:
    """One event record of the collector's query API as a call, its violations best first."""
    event = record.get("event")
    payload = event if isinstance(event, dict) else {}
    message_id = record.get("message_id")
    violations = tuple(sorted((_violation(item, payload, message_id) for item in record.get("violations", ())),
                              key=best_first))
    location = Location(file=f"{record.get('route')} (message {message_id})")
    return call_of(payload, sdk=record.get("format") or "unknown", violations=violations, location=location)


def _violation(item: Mapping[str, Any], payload: Mapping[str, Any], message_id: str | None) -> Violation:
    try:
        kind = codes.get(item["code"]).kind
    except KeyError:  # a code this version does not know: keep the record
        kind = ""
    return Violation(code=item["code"], kind=kind, severity=item["severity"], message=item["message"],
                     event=payload.get("event") if isinstance(payload.get("event"), str) else None,
                     event_type=payload.get("type") if isinstance(payload.get("type"), str) else None,
                     path=item.get("path") or "", message_id=message_id)
