"""Parsing JSON text into events: the fast parser, the exact path for what it refuses or would round,
and the depth limit (see :mod:`protocol_kit.events.exact` and :mod:`protocol_kit.events.shape`)."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

import orjson

from protocol_kit.events.exact import BOM, loads_exact, may_lose_precision
from protocol_kit.events.jsonl import json_line
from protocol_kit.events.record import EventRecord
from protocol_kit.events.shape import TOO_DEEP, depth_exceeds, too_deep
from protocol_kit.limits import MAX_EVENT_DEPTH
from protocol_kit.violation import Location


def parse_line(line: bytes, source: Location) -> EventRecord:
    payload = parse_json(line)
    if isinstance(payload, _Malformed):
        return EventRecord(raw=line, source=source, error=payload.reason)
    return EventRecord(payload=payload, raw=line, source=source)


class _Malformed:
    """What :func:`parse_json` returns for bytes that are not a JSON document: why not."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason


def parse_json(data: bytes, *, decimals: bool = False, check_depth: bool = True) -> object:
    """``data`` parsed: orjson first, the exact path for what it refuses or would round; _Malformed if neither."""
    try:
        payload = orjson.loads(data)
        if may_lose_precision(data):
            payload = loads_exact(data, decimals=decimals)
    except orjson.JSONDecodeError as error:
        if not _may_be_valid(data):
            return _Malformed(_json_error(error))
        try:
            payload = loads_exact(data, decimals=decimals)
        except (ValueError, RecursionError):
            return _Malformed(_json_error(error))
    except (ValueError, RecursionError):  # orjson read it, the exact path cannot: keep orjson's reading
        pass
    if check_depth and too_deep(data, payload):
        return _Malformed(TOO_DEEP)
    return payload


def _may_be_valid(data: bytes) -> bool:
    """Whether text orjson refused may still be JSON: a byte order mark, an escape (lone surrogates), or a
    number beyond a double are what it refuses of valid JSON."""
    return data[:3] == BOM or b"\\u" in data or may_lose_precision(data)


def _json_error(error: orjson.JSONDecodeError) -> str:
    return f"not valid JSON: {error.msg} (at character {error.pos})"


def document_records(data: bytes | EventRecord, name: str) -> Iterator[EventRecord]:
    """The records of one JSON document: an event or body (a batch is split by the wire formats), or an array."""
    if isinstance(data, EventRecord):
        yield data
        return
    if not data.strip():
        yield EventRecord(raw=data, source=Location(file=name), error="empty file: expected a JSON event or array")
        return
    exact = may_lose_precision(data)
    document = parse_json(data, decimals=exact, check_depth=False)  # each event's depth is checked
    if isinstance(document, _Malformed):
        yield EventRecord(raw=data, source=Location(file=name), error=document.reason)
        return
    if isinstance(document, list):
        for index, payload in enumerate(document):
            yield _document_record(payload, Location(file=name, index=index), exact)
    else:
        yield _document_record(document, Location(file=name), exact)


def _document_record(payload: object, source: Location, exact: bool) -> EventRecord:
    """One event of a JSON document; read exactly (Decimal numbers), it keeps its exact bytes as ``raw``."""
    if depth_exceeds(payload, MAX_EVENT_DEPTH):
        return EventRecord(raw=json_line(payload), source=source, error=TOO_DEEP)
    if not exact or not _has_decimal(payload):
        return EventRecord(payload=payload, source=source)
    raw = json_line(payload)
    return EventRecord(payload=orjson.loads(raw) if not may_lose_precision(raw) else loads_exact(raw),
                       raw=raw, source=source)


def _has_decimal(value: object) -> bool:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, Decimal):
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False
