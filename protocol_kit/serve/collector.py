"""The collector without HTTP: one request in (route, headers, body), one reply out, every event checked first.

:meth:`Collector.ingest` decodes and bounds the body, reads the write key,
reads and checks every event through :mod:`protocol_kit.serve.checking`,
stores them and writes them to the output files, and only then returns the
reply, so that an event is in the query API and on disk when the SDK sees
its answer.
"""
from __future__ import annotations

import base64
import time
import zlib
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

import orjson

from protocol_kit.events.jsonl import json_line
from protocol_kit.events.wire import BodyError, Form
from protocol_kit.events.wire.body import GZIP_MAGIC
from protocol_kit.report.data import ReportData
from protocol_kit.report.validation import from_validation
from protocol_kit.serve.checking import CheckedEvent, Checker, parse_body
from protocol_kit.serve.outputs import Outputs
from protocol_kit.serve.received import Received, Request, message_id_of, test_id_of
from protocol_kit.serve.routes import Route, answer
from protocol_kit.serve.settings import CollectorSettings
from protocol_kit.serve.store import EventStore
from protocol_kit.validation.api import PlanLike
from protocol_kit.violation import Location

MESSAGE_IDS_HEADER = "X-Protocol-Kit-Message-Ids"
VIOLATIONS_HEADER = "X-Protocol-Kit-Violations"
INVALID_HEADER = "X-Protocol-Kit-Invalid"
EVENTS_HEADER = "X-Protocol-Kit-Events"
MAX_IDS_HEADER = 4000  # characters of message ids in a header: SDKs' HTTP clients cap a response's headers
TEST_ID_HEADER = "X-Test-Id"


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: bytes
    media_type: str = "application/json"
    headers: Mapping[str, str] = field(default_factory=dict)


def refusal(status: int, code: str, message: str) -> Reply:
    return Reply(status, orjson.dumps({"code": code, "message": message}))


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.reply = refusal(status, code, message)
        self.code = code


class Collector:
    """Checks and keeps what SDKs send. Not thread-safe: one event loop (or one thread) calls it."""

    def __init__(self, plan: PlanLike, settings: CollectorSettings = CollectorSettings()):
        self.settings = settings
        checks = settings.checks
        self.checker = Checker(plan, mode=settings.validation_mode, pii=checks.pii, pii_rules=checks.pii_rules,
                               salt=checks.salt, event_version=checks.event_version)
        self.store = EventStore(cap=settings.store_cap)
        files = settings.files
        self.outputs = Outputs(out=files.out, valid_out=files.valid_out, quarantine_out=files.quarantine_out)
        self.requests = 0

    def ingest(self, route: Route, headers: Mapping[str, str], body: bytes) -> Reply:
        """Check the events of one request and answer it (200 as the SDK expects, 400 or 401 with a reason).

        ``headers``: the request's, names in any case. The files are written before the
        events are stored: an event the query API shows is on disk.
        """
        headers = {name.lower(): value for name, value in headers.items()}
        self.requests += 1
        try:
            document = self._document(headers, body)
            write_key = self._write_key(headers, document)
            events = self.checker.events(document, Location(file=route.path, line=self.requests))
            self._check_sizes(events)
        except Refused as refused:
            self.store.reject(refused.code)
            return refused.reply
        request = Request.now(route.path, write_key, headers.get(TEST_ID_HEADER.lower()))
        checked = [self.checker.check(event) for event in events]
        self.outputs.write(checked)
        received = [self._received(one, request) for one in checked]
        for item in received:
            self.store.add(item)
        self.store.added()
        return self._accepted(route, document, received, len(body))

    def _document(self, headers: Mapping[str, str], body: bytes) -> Any:
        limit = self.settings.limits.max_batch_bytes
        if "gzip" in headers.get("content-encoding", "").lower() or body[:2] == GZIP_MAGIC:
            body = gunzip(body, limit)
        if len(body) > limit:
            raise Refused(400, "body_too_large", f"the body is {len(body):,} bytes; the limit is {limit:,} "
                                                 "(--max-batch-bytes)")
        try:
            return parse_body(body)
        except BodyError as error:
            raise Refused(400, "invalid_body", f"unreadable body: {error}") from None

    def _write_key(self, headers: Mapping[str, str], document: Any) -> str | None:
        key = write_key_of(headers, document)
        keys = self.settings.write_keys
        if keys and key not in keys:
            said = "no write key" if key is None else "an unknown write key"
            raise Refused(401, "invalid_write_key", f"{said}: send one of the collector's --write-key values "
                                                    "(Basic auth, Bearer, or writeKey / api_key in the body)")
        return key

    def _check_sizes(self, events: list) -> None:
        limit = self.settings.limits.max_event_bytes
        for index, event in enumerate(events):
            original = getattr(event, "original", None)
            size = len(json_line(original if original is not None and not isinstance(original, bytes)
                                 else event.payload)) - 1
            if size > limit:
                raise Refused(400, "event_too_large", f"event {index} of the body is {size:,} bytes; the limit "
                                                      f"is {limit:,} (--max-event-bytes)")

    def _received(self, checked: CheckedEvent, request: Request) -> Received:
        return Received(seq=self.store.next_seq(), message_id=message_id_of(checked), request=request,
                        test_id=test_id_of(checked, request.test_id), checked=checked)

    def _accepted(self, route: Route, document: Any, received: list[Received], size: int) -> Reply:
        verbose = isinstance(document, Form) and document.get("verbose") == "1"
        formats = {item.checked.format for item in received if item.checked.format}
        body, media_type = answer(route, formats=formats, events=len(received), size=size, verbose=verbose,
                                  now_ms=int(time.time() * 1000))
        headers = {EVENTS_HEADER: str(len(received)), MESSAGE_IDS_HEADER: ids_header(received),
                   VIOLATIONS_HEADER: str(sum(len(item.violations) for item in received)),
                   INVALID_HEADER: str(sum(not item.checked.valid for item in received))}
        return Reply(200, body, media_type, headers)

    def report_data(self, test_id: str | None = None) -> ReportData:
        """The digest of the run (every event since the last full reset), or of one test's events."""
        tally = self.store.run if test_id is None else self.store.tallies.get(test_id)
        report = (tally or type(self.store.run)()).report(self.checker.plan.name, self.checker.mode)
        data = from_validation(report, inputs=("protocol-kit serve",), plan_version=self.checker.plan.version)
        return replace(data, title="protocol-kit serve")

    def close(self) -> None:
        self.outputs.close()


def ids_header(received: list[Received]) -> str:
    """The message ids, comma-separated, as many as fit in :data:`MAX_IDS_HEADER` characters (the first ones)."""
    ids, size = [], 0
    for item in received:
        size += len(item.message_id) + 1
        if size > MAX_IDS_HEADER + 1:
            break
        ids.append(item.message_id)
    return ",".join(ids)


def gunzip(body: bytes, limit: int) -> bytes:
    """``body`` decompressed, never more than ``limit`` + 1 bytes of it (a body over the limit is refused)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as error:
        raise Refused(400, "invalid_gzip", f"Content-Encoding is gzip but the body is not: {error}") from None
    if len(data) > limit:
        raise Refused(400, "body_too_large", f"the body is over {limit:,} bytes once decompressed "
                                             "(--max-batch-bytes)")
    if not inflater.eof:
        raise Refused(400, "invalid_gzip", "Content-Encoding is gzip but the body is cut short")
    return data


def write_key_of(headers: Mapping[str, str], document: Any) -> str | None:
    """The request's write key: Basic auth's user name, a Bearer token, or the body's ``writeKey`` / ``api_key``."""
    scheme, _, credentials = headers.get("authorization", "").strip().partition(" ")
    if scheme.lower() == "basic" and credentials:
        try:
            return base64.b64decode(credentials, validate=True).decode("utf-8").partition(":")[0] or None
        except (ValueError, UnicodeDecodeError):
            return None
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    if isinstance(document, dict):
        for name in ("writeKey", "api_key"):
            if isinstance(document.get(name), str) and document[name]:
                return document[name]
    return None
