"""What the collector keeps of each event it received: one record, the shape ``/pk/events`` returns."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from protocol_kit.serve.checking import CheckedEvent
from protocol_kit.violation import Violation


@dataclass(frozen=True, slots=True)
class Request:
    """Where a batch of events came from: the route, the write key, the test id and when it arrived."""

    route: str
    write_key: str | None
    test_id: str | None
    received_at: datetime

    @classmethod
    def now(cls, route: str, write_key: str | None, test_id: str | None) -> "Request":
        return cls(route, write_key, test_id, datetime.now(timezone.utc))


@dataclass(frozen=True, slots=True)
class Received:
    """One event as received: its message id, the request, the payload as sent, the event read and its check."""

    seq: int
    message_id: str
    request: Request
    test_id: str | None
    checked: CheckedEvent

    @property
    def event_name(self) -> str | None:
        return event_name(self.checked.record.payload)

    @property
    def violations(self) -> tuple[Violation, ...]:
        return self.checked.violations

    def to_dict(self) -> dict[str, Any]:
        record = self.checked.record
        original = getattr(record, "original", None)
        return {"message_id": self.message_id, "seq": self.seq,
                "received_at": iso_time(self.request.received_at), "route": self.request.route,
                "write_key": self.request.write_key, "test_id": self.test_id, "format": self.checked.format,
                "valid": self.checked.valid, "outcome": self.checked.outcome,
                "payload": original if original is not None else record.payload,
                "event": record.payload if record.parsed else None, "error": record.error,
                "violations": [{"code": v.code, "name": v.name, "severity": v.severity, "path": v.path,
                                "message": v.message} for v in self.violations]}


def message_id_of(checked: CheckedEvent) -> str:
    """The event's own message id (``messageId``, read from the SDK's id field), or a new one."""
    payload = checked.record.payload
    found = payload.get("messageId") if isinstance(payload, dict) else None
    return str(found) if isinstance(found, (str, int)) and str(found) else f"pk-{uuid.uuid4()}"


def test_id_of(checked: CheckedEvent, header: str | None) -> str | None:
    """The test an event belongs to: the ``X-Test-Id`` header, else its ``context.test_id``."""
    if header:
        return header
    payload = checked.record.payload
    context = payload.get("context") if isinstance(payload, dict) else None
    found = context.get("test_id") if isinstance(context, dict) else None
    return str(found) if isinstance(found, (str, int)) and str(found) else None


def event_name(payload: Any) -> str | None:
    """The name an event is counted under: a track event's name, else its call type (``identify``...)."""
    if not isinstance(payload, dict):
        return None
    call = payload.get("type", "track")
    name = payload.get("event") if call == "track" else None
    return str(name) if isinstance(name, str) else (str(call) if isinstance(call, str) else None)


def iso_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
