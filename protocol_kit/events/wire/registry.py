"""The wire formats by name, detection by content, and reading a body or a record into events.

Detection looks at the parsed body, never at a file name: each format's
``looks_like`` recognises its own shapes (PostHog's ``distinct_id``,
Amplitude's ``event_type``, Snowplow's ``payload_data`` schema, Mixpanel's
``token``...), tried from the most specific to Segment, which takes any
Segment-spec call. Adding a format is one module with ``NAME``, ``LABEL``,
``EXPECTED``, ``looks_like(document)`` and ``read(document, reading)``, and
one line in :data:`FORMATS`.
"""
from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import Any, Callable

from protocol_kit.events.wire.body import BodyError, form_data, is_data_form, parse_body
from protocol_kit.events.wire.reading import Reading, same_name
from protocol_kit.events.wire.record import WireRecord
from protocol_kit.violation import Location

# name -> module, in the order detection tries them (Segment last: it takes any Segment-spec call)
FORMATS = {
    "snowplow": "protocol_kit.events.wire.snowplow",
    "amplitude": "protocol_kit.events.wire.amplitude",
    "posthog": "protocol_kit.events.wire.posthog",
    "mixpanel": "protocol_kit.events.wire.mixpanel",
    "rudderstack": "protocol_kit.events.wire.rudderstack",
    "segment": "protocol_kit.events.wire.segment",
}
AUTO = "auto"
INPUT_FORMATS = (AUTO, "segment", "rudderstack", "posthog", "mixpanel", "amplitude", "snowplow")
SEGMENT_SPEC = frozenset(("segment", "rudderstack"))  # each reads the other's calls


@cache
def wire_format(name: str) -> ModuleType:
    """The module of the format ``name`` (imported on first use)."""
    if name not in FORMATS:
        raise ValueError(f"unknown input format {name!r}; expected one of: {', '.join(INPUT_FORMATS)}")
    return importlib.import_module(FORMATS[name])


def detect(document: Any) -> tuple[str, str] | None:
    """``(format name, what the body looks like)`` for a parsed body, or None when no format knows it."""
    for name in FORMATS:
        described = wire_format(name).looks_like(document)
        if described:
            return name, described
    return None


def unknown_payload() -> str:
    shapes = ", ".join(wire_format(name).EXPECTED for name in INPUT_FORMATS[1:] if name != "rudderstack")
    return f"not a known analytics payload: expected {shapes}"


def read_document(document: Any, *, source: Location = Location(), input_format: str = AUTO,
                  event_name: Callable[[str], str] = same_name) -> list[WireRecord]:
    """The events of a parsed body (a JSON value or a :class:`~.body.Form`), read as ``input_format``.

    With ``auto`` the format is detected; a body no format knows is one
    record with an error. With a given format, a body that another format
    recognises is one record whose error says which and how to read it. A
    ``data=`` form body is read from its decoded ``data``.
    """
    if is_data_form(document):
        decoded, problem = form_data(document["data"])
        if problem:
            name = "" if input_format == AUTO else input_format
            return [WireRecord(source=source, error=problem, format=name, original=dict(document))]
        document = decoded
    if input_format == AUTO:
        found = detect(document)
        if found is None:
            return [WireRecord(source=source, error=unknown_payload(), original=document)]
        name = found[0]
    else:
        name = input_format
        found = detect(document)  # the most specific format first: a PostHog batch is no Segment batch
        if found is not None and found[0] != name and not {found[0], name} <= SEGMENT_SPEC:
            label = wire_format(name).LABEL
            article = "an" if label[0] in "AEIOU" else "a"
            message = f"not {article} {label} payload: looks like {found[1]}, read with --input-format {found[0]}"
            return [WireRecord(source=source, error=message, format=name, original=document)]
    return list(wire_format(name).read(document, Reading(name, source, event_name)))


def read_body(body: bytes | str, *, source: Location = Location(), input_format: str = AUTO,
              event_name: Callable[[str], str] = same_name) -> list[WireRecord]:
    """The events of a raw request body (JSON, form body or query string, gzip or not)."""
    try:
        document = parse_body(body)
    except BodyError as error:
        name = "" if input_format == AUTO else input_format
        return [WireRecord(source=source, error=f"unreadable body: {error}", format=name, original=body)]
    return read_document(document, source=source, input_format=input_format, event_name=event_name)


def read_payload(payload: Any, *, source: Location = Location(), input_format: str = AUTO,
                 event_name: Callable[[str], str] = same_name) -> list[WireRecord]:
    """The events of ``payload``: a raw body (bytes or str) or a parsed one (dict or list)."""
    reader = read_body if isinstance(payload, (bytes, bytearray, str)) else read_document
    return reader(payload, source=source, input_format=input_format, event_name=event_name)
