"""RudderStack: the Segment-spec bodies of its SDKs, recognised by ``channel``, ``rudderId`` or the library name.

Read like Segment's (see :mod:`.segment`), with one rule more: RudderStack's
SDKs put identify traits in ``context.traits`` (the Python SDK only there), so
an identify call's traits are ``context.traits`` with its own ``traits`` over
them, and ``context.traits`` is left out of the event's context.
"""
from __future__ import annotations

from typing import Any, Iterator

from protocol_kit.events.wire import segment
from protocol_kit.events.wire.reading import Reading
from protocol_kit.events.wire.record import WireRecord

NAME = "rudderstack"
LABEL = "RudderStack"
EXPECTED = "a RudderStack call or {batch: [...]} (Segment-spec calls with channel or rudderId)"
MARKERS = ("channel", "rudderId")


def looks_like(document: Any) -> str | None:
    calls = document.get("batch") if isinstance(document, dict) and "batch" in document else document
    first = calls[0] if isinstance(calls, list) and calls else calls
    if not isinstance(first, dict) or not _is_rudderstack(first):
        return None
    return "a RudderStack batch" if calls is not first else "a RudderStack call"


def read(document: Any, reading: Reading) -> Iterator[WireRecord]:
    return segment.read(document, reading, normalise=call_event)


def call_event(call: Any) -> Any:
    call = segment.call_event(call)
    if not isinstance(call, dict) or call.get("type") != "identify":
        return call
    context = call.get("context")
    if not isinstance(context, dict) or not isinstance(context.get("traits"), dict):
        return call
    own = call.get("traits") if isinstance(call.get("traits"), dict) else {}
    rest = {k: v for k, v in context.items() if k != "traits"}
    return {**call, "traits": {**context["traits"], **own}, "context": rest}


def _is_rudderstack(call: dict) -> bool:
    if any(marker in call for marker in MARKERS):
        return True
    context = call.get("context")
    library = context.get("library") if isinstance(context, dict) else None
    name = library.get("name") if isinstance(library, dict) else None
    return isinstance(name, str) and "rudder" in name.lower()
