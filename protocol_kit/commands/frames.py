"""Validate the rows of data-frame partitions: what the Spark and Dask front ends run in their workers.

The plan is compiled once (on the driver) into a :class:`ShippedPlan`: its
compiled schemas and their digest. Workers receive it with each task and keep
one :class:`Validator` per digest, so a plan is turned into an engine once per
worker process, however many partitions it validates.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from protocol_kit.compile import CompiledPlan
from protocol_kit.events.parse import parse_line
from protocol_kit.events.record import EventRecord
from protocol_kit.results import DigestBuilder
from protocol_kit.validation.api import PlanLike, Validator, compiled
from protocol_kit.validation.dataframe import COLUMNS
from protocol_kit.validation.report import BodyResult
from protocol_kit.violation import Location, Violation

VIOLATION_FIELDS = COLUMNS[1:]  # a violation's fields in a frame, after the row it belongs to
__all__ = ["PlanLike", "RowVerdict", "ShippedPlan", "VIOLATION_FIELDS", "digest_of", "ship", "validator_for",
           "verdicts", "violation_fields"]


@dataclass(frozen=True, slots=True)
class ShippedPlan:
    """A compiled plan and the digest of its schemas: what is sent to every worker."""

    plan: CompiledPlan
    digest: str


@dataclass(frozen=True, slots=True)
class RowVerdict:
    """One row's check: whether it conforms, its event name, and every violation."""

    valid: bool
    event: str | None
    violations: tuple[Violation, ...]

    @property
    def codes(self) -> list[str]:
        return [v.code for v in self.violations]


def ship(plan: PlanLike) -> ShippedPlan:
    """Compile ``plan`` once; the digest names it in every worker's cache."""
    plan = compiled(plan)
    files = plan.files()
    digest = hashlib.sha256(b"".join(name.encode() + b"\0" + body for name, body in files.items())).hexdigest()
    return ShippedPlan(plan=plan, digest=digest)


_VALIDATORS: dict[str, Validator] = {}
_caching = threading.Lock()


def validator_for(shipped: ShippedPlan) -> Validator:
    """This process's validator of a shipped plan, built on first use."""
    with _caching:
        validator = _VALIDATORS.get(shipped.digest)
        if validator is None:
            validator = _VALIDATORS[shipped.digest] = Validator(shipped.plan)
        return validator


def verdicts(shipped: ShippedPlan, cells: Iterable[Any], row_ids: Iterable[int]) -> Iterator[RowVerdict]:
    """The verdict of each cell (a JSON string or bytes, a dict, or None), in order."""
    validator = validator_for(shipped)
    for row_id, cell in zip(row_ids, cells):
        result = validator.check(record_of(cell, Location(index=_position(row_id))))
        events = result.events if isinstance(result, BodyResult) else (result,)
        names = {_event_name(one.record) for one in events}
        yield RowVerdict(valid=result.ok, event=names.pop() if len(names) == 1 else None,
                         violations=tuple(result.violations))


def record_of(cell: Any, source: Location) -> EventRecord:
    if isinstance(cell, str):
        return parse_line(cell.encode("utf-8"), source)
    if isinstance(cell, (bytes, bytearray, memoryview)):
        return parse_line(bytes(cell), source)
    return EventRecord(None if _missing(cell) else cell, source=source)


def violation_fields(v: Violation) -> tuple[Any, ...]:
    """A violation as the values of :data:`VIOLATION_FIELDS`."""
    return (v.code, v.kind, v.severity, v.event, v.event_type, v.path, v.message, v.expected, v.actual,
            v.message_id)


def digest_of(found: Iterable[RowVerdict]) -> DigestBuilder:
    """The violation digest of some rows (one partition): merge partitions with :meth:`DigestBuilder.merge`."""
    builder = DigestBuilder()
    for verdict in found:
        for v in verdict.violations:
            builder.add(v)
    return builder


def _event_name(record: EventRecord) -> str | None:
    """A track event's name, or the call type (identify, page...) of other calls."""
    payload = record.payload
    if not isinstance(payload, dict):
        return None
    name = payload.get("event") if payload.get("type", "track") == "track" else payload.get("type")
    return name if isinstance(name, str) else None


def _position(row_id: Any) -> int | None:
    try:
        return int(row_id)
    except (TypeError, ValueError):
        return None


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)
