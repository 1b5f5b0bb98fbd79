"""Quarantine records: an event that failed validation, kept untouched with its violations and source.

One JSON Lines record per event::

    {"x-protocol-kit-quarantine": 1, "source": {...}, "violations": [...], "payload": {...}}

``payload`` is the original event; for input that could not be parsed, or
whose numbers a parsed payload would not hold exactly (integers beyond 64
bits, long decimals), or that is nested to the depth limit (the record adds a
level), ``raw`` holds the original line as text instead
(``raw_base64`` when it is not UTF-8): a replay sends on what came in.
An event read from what an SDK sent (see :mod:`protocol_kit.events.wire`) has
its Segment-spec event as ``payload``, plus ``format`` and ``original``: the
SDK's own record, or the whole body when it could not be read
(``original_base64`` when it is not UTF-8); such a record without ``payload``
is read back from ``original``.
Fix the records and feed the file back to ``protocol-kit validate``: the
reader recognises the shape and re-checks the original events.
"""
from __future__ import annotations

import base64
from typing import Any, Iterable

from protocol_kit.events.exact import may_lose_precision
from protocol_kit.events.jsonl import json_line
from protocol_kit.events.reader import parse_line
from protocol_kit.events.record import EventRecord
from protocol_kit.events.shape import depth_exceeds
from protocol_kit.limits import MAX_EVENT_DEPTH
from protocol_kit.events.wire.record import WireRecord
from protocol_kit.violation import Location, Violation

MARKER = "x-protocol-kit-quarantine"
VERSION = 1


def quarantine_line(record: EventRecord, violations: Iterable[Violation]) -> bytes:
    document: dict[str, Any] = {MARKER: VERSION, "source": record.source.to_dict(),
                                "violations": [v.to_dict() for v in violations]}
    if record.parsed and (record.raw is None or not (may_lose_precision(record.raw) or _at_depth_limit(record))):
        document["payload"] = record.payload
    elif record.raw is not None:
        try:
            document["raw"] = record.raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            document["raw_base64"] = base64.b64encode(record.raw.rstrip(b"\r\n")).decode("ascii")
    if isinstance(record, WireRecord):
        document.update(record.kept())
    return json_line(document)


def _at_depth_limit(record: EventRecord) -> bool:
    """Whether the record would nest the payload one level past the limit: then the raw line is kept."""
    return record.raw.count(b"{") + record.raw.count(b"[") >= MAX_EVENT_DEPTH and \
        depth_exceeds(record.payload, MAX_EVENT_DEPTH - 1)


def is_quarantine_record(payload: Any) -> bool:
    return isinstance(payload, dict) and MARKER in payload


def original_format(payload: dict[str, Any]) -> str | None:
    """The wire format of a quarantined SDK record that could not be read (to read it back the same way)."""
    name = payload.get("format")
    return name if isinstance(name, str) and name and "payload" not in payload else None


def unwrap(payload: dict[str, Any], source: Location) -> EventRecord:
    """The original event of a quarantine record, read as if it were at ``source``."""
    if "payload" in payload:
        return EventRecord(payload=payload["payload"], source=source)
    if "original" in payload:  # an SDK's record or body that could not be read as an event
        return EventRecord(payload=payload["original"], source=source)
    if isinstance(payload.get("original_base64"), str):
        try:
            return EventRecord(payload=base64.b64decode(payload["original_base64"], validate=True), source=source)
        except ValueError:
            pass
    if isinstance(payload.get("raw"), str):
        return parse_line(payload["raw"].encode("utf-8"), source)
    if isinstance(payload.get("raw_base64"), str):
        try:
            return parse_line(base64.b64decode(payload["raw_base64"], validate=True), source)
        except ValueError:
            pass
    return EventRecord(source=source, error="quarantine record without 'payload', 'raw' or 'raw_base64'")
