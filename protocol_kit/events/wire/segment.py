"""Segment: single calls, ``{"batch": [...]}`` bodies and analytics.js bodies (the HTTP Tracking API).

A body is one call (``{"type": "track", "event": ..., "writeKey": ...}``, as
analytics.js posts to ``/v1/t``), an array of calls, or a batch
``{"batch": [...], "context": {...}, "sentAt": ..., "writeKey": ...}``. The
batch's ``context`` is merged under each call's own (the call's fields win);
``writeKey`` is a credential of the request, not part of the event, and is
left out of the event (the original keeps it). Everything else is the event
as sent.
"""
from __future__ import annotations

from typing import Any, Callable, Iterator

from protocol_kit.events.envelope import CALLS
from protocol_kit.events.wire.reading import Reading
from protocol_kit.events.wire.record import WireRecord

NAME = "segment"
LABEL = "Segment"
EXPECTED = "a Segment call {type, event, ...} or {batch: [...]}"
ENVELOPE = frozenset(("type", "event", "userId", "anonymousId", "messageId", "properties", "traits",
                      "context", "groupId", "previousId", "timestamp", "integrations", "batch"))
CREDENTIALS = ("writeKey",)


def looks_like(document: Any) -> str | None:
    if isinstance(document, dict):
        if isinstance(document.get("batch"), list):
            return "a Segment batch"
        if ENVELOPE.intersection(document):
            return "a Segment-spec call"
    if isinstance(document, list) and document and isinstance(document[0], dict):
        return "an array of Segment-spec calls"
    return None


def read(document: Any, reading: Reading, normalise: Callable[[dict], dict] | None = None) -> Iterator[WireRecord]:
    """The calls of ``document``; ``normalise`` turns one call into its event (RudderStack adds a rule)."""
    normalise = normalise or call_event
    if isinstance(document, dict) and isinstance(document.get("batch"), list):
        shared = document.get("context") if isinstance(document.get("context"), dict) else None
        for index, item in enumerate(document["batch"]):
            yield reading.event(normalise(with_context(item, shared)), item, index)
    elif isinstance(document, list):
        for index, item in enumerate(document):
            yield reading.event(normalise(item), item, index)
    else:
        yield reading.event(normalise(document), document)


def call_event(call: Any) -> Any:
    """``call`` without its credentials (the same object when it has none)."""
    if isinstance(call, dict) and any(key in call for key in CREDENTIALS):
        return {k: v for k, v in call.items() if k not in CREDENTIALS}
    return call


def with_context(call: Any, shared: dict | None) -> Any:
    """``call`` with the batch's ``context`` under its own (the same object when there is none)."""
    if not shared or not isinstance(call, dict):
        return call
    own = call.get("context")
    return {**call, "context": {**shared, **own} if isinstance(own, dict) else dict(shared)}


def is_call(document: Any) -> bool:
    return isinstance(document, dict) and (document.get("type") in CALLS or "event" in document)
