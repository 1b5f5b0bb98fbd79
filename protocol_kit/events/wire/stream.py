"""Records of an event stream read through the wire formats: what the validator calls on each record.

The event readers (:mod:`protocol_kit.events.reader`) hand over lines and
documents as they come. A record that is already a Segment-spec call passes
through untouched (the validator's fast path never gets here); anything else
(a PostHog batch on a line, a Mixpanel form body, a Segment batch, bytes
given to the API) is read as a body into its events.
"""
from __future__ import annotations

from typing import Any, Iterable

from protocol_kit.events.envelope import CALLS
from protocol_kit.events.record import EventRecord
from protocol_kit.events.wire import rudderstack, segment
from protocol_kit.events.wire.body import BodyError, is_json_text, parse_form
from protocol_kit.events.wire.reading import same_name
from protocol_kit.events.wire.record import WireRecord
from protocol_kit.events.wire.registry import AUTO, INPUT_FORMATS, read_body, read_document
from protocol_kit.plan.naming import normal_form


class WireReader:
    """Reads records as ``input_format`` (``auto``: detected per record), naming events after ``planned_events``.

    ``planned_events``: the plan's track event names, that names found in
    bodies (Snowplow's schema names) are matched to ignoring case and
    separators.
    """

    def __init__(self, input_format: str = AUTO, planned_events: Iterable[str] = ()):
        if input_format not in INPUT_FORMATS:
            raise ValueError(f"input format must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}")
        self.input_format = input_format
        self.plain_format = "segment" if input_format == AUTO else input_format
        by_form = {normal_form(name): name for name in planned_events}
        self.event_name = (lambda name: by_form.get(normal_form(name), name)) if by_form else same_name

    def records(self, record: EventRecord, *, input_format: str | None = None) -> list[EventRecord]:
        """The events of ``record``: itself when it is one Segment-spec call as it is, else those of its body.

        ``input_format``: this record's format, when known (a quarantined SDK record), instead of the reader's.
        """
        if isinstance(record, WireRecord):
            return [record]
        if not record.parsed:
            return self._unparsed(record)
        payload = record.payload
        input_format = input_format or self.input_format
        options = {"source": record.source, "input_format": input_format, "event_name": self.event_name}
        if isinstance(payload, (bytes, bytearray, str)) and not _json_string(record):
            return list(read_body(payload, **options))
        if input_format == AUTO and _plain_call(payload):
            return [record]  # the usual case: a Segment-spec call as it is (no other format has a call type)
        if input_format == AUTO and not isinstance(payload, (dict, list)) or _plain_list(payload):
            return [record]  # a JSON value that is no body: the checks say what is wrong with it
        found = read_document(payload, **options)
        if len(found) == 1 and found[0].format in ("segment", "rudderstack") and found[0].original is None \
                and found[0].payload is payload:
            return [record]  # one call, unchanged: keep the record and its bytes
        return list(found)

    def format_of(self, record: EventRecord) -> str | None:
        """The format ``record`` was read as; None when it could not be read as any."""
        if isinstance(record, WireRecord):
            return record.format or None
        return self.plain_format if record.parsed else None

    def _unparsed(self, record: EventRecord) -> list[EventRecord]:
        raw = record.raw
        if raw is None or is_json_text(raw):
            return [record]  # broken JSON: the parser's message says where
        try:
            form = parse_form(raw.decode("utf-8").strip())
        except (BodyError, UnicodeDecodeError):
            return [record]
        return list(read_document(form, source=record.source, input_format=self.input_format,
                                  event_name=self.event_name))


def _json_string(record: EventRecord) -> bool:
    """Whether the payload is a JSON string read from a line (``"just a string"``), not a body given as text."""
    return record.raw is not None


def _plain_call(payload: Any) -> bool:
    """A Segment-spec call that no format changes: a call type, no credentials, no RudderStack markers."""
    return isinstance(payload, dict) and payload.get("type") in CALLS and segment.call_event(payload) is payload \
        and rudderstack.looks_like(payload) is None


def _plain_list(payload: Any) -> bool:
    """An array whose first item is not an object: no format reads it as a list of events."""
    return isinstance(payload, list) and not (payload and isinstance(payload[0], dict))


__all__ = ["WireReader"]
