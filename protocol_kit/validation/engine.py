"""The validation loop over batches of events: a fast path for valid events, details for the rest.

A valid event costs one parse (orjson), one dict lookup on its name and one
call of the compiled jsonschema-rs validator. Only events that fail that
check (or that the fast path cannot decide: malformed input, unplanned or
deprecated events) are checked again by python-jsonschema, which explains
every violation. Both give the same verdict on every event (see
tests/validate/test_differential.py).

A batch is processed into a :class:`BatchResult` holding its counts, the
violations of each event that has some, and the output bytes; batches are
independent, so they can be processed in other processes and merged in
input order.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

import orjson

from protocol_kit.compile import CompiledPlan
from protocol_kit.events.exact import loads_exact, may_lose_precision
from protocol_kit.events.jsonl import json_line
from protocol_kit.events.quarantine import is_quarantine_record, original_format, quarantine_line, unwrap
from protocol_kit.events.reader import FileSlice, LineChunk, parse_line
from protocol_kit.events.record import EventRecord
from protocol_kit.events.wire import WireReader
from protocol_kit.events.shape import depth_exceeds, json_problem, too_deep
from protocol_kit.limits import MAX_EVENT_DEPTH
from protocol_kit.policy import CodePolicy
from protocol_kit.validation.enforce import blocking, decide, omit_fields
from protocol_kit.validation.report import MODES
from protocol_kit.validation.schemas import VERSION_FALLBACKS, PlanSchemas
from protocol_kit.violation import Location, Violation

if TYPE_CHECKING:
    from protocol_kit.pii import PiiRules


@dataclass(frozen=True, slots=True)
class Options:
    mode: str = "report"
    omit_unplanned: bool = False
    fail_fast: bool = False
    keep_passed: bool = False  # collect the bytes of passed events (there is a valid output)
    keep_quarantined: bool = False  # collect quarantine records (there is a quarantine output)
    pii: str = "flag"  # flag, redact, hash, block, off (see personal.py)
    pii_rules: PiiRules | None = None
    salt: str | None = None  # for pii="hash"
    event_version: str = "oldest"  # the version of a versioned event checking payloads that name none
    input_format: str = "auto"  # the wire format of the input, or auto: detected per record (events/wire)
    policy: CodePolicy = CodePolicy()  # codes reported and their severities

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.event_version not in VERSION_FALLBACKS:
            raise ValueError(f"event_version must be one of {', '.join(VERSION_FALLBACKS)}, not {self.event_version!r}")


class RecordBatch(NamedTuple):
    """Events given as records or as parsed payloads; ``first_index`` numbers the payloads."""

    first_index: int
    items: list[Any]


_UNPARSED = object()


@dataclass(slots=True)
class BatchResult:
    read: int = 0
    passed: int = 0
    omitted: int = 0
    dropped: int = 0
    quarantined: int = 0
    reported: int = 0
    violations: list[list[Violation]] = field(default_factory=list)  # per event that has any
    passed_out: list[bytes] = field(default_factory=list)
    quarantine_out: list[bytes] = field(default_factory=list)
    formats: Counter = field(default_factory=Counter)  # events read per wire format
    pii_seen: dict = field(default_factory=dict)  # events per planned schema, for the personal-data summary


class Engine:
    def __init__(self, plan: CompiledPlan, options: Options = Options()):
        self.plan = plan
        self.options = options
        self.schemas = PlanSchemas(plan, version_fallback=options.event_version)
        self.personal = None
        if options.pii != "off":  # the detector's modules load only when it looks
            from protocol_kit.validation.personal import PersonalData

            self.personal = PersonalData(self.schemas, mode=options.pii, rules=options.pii_rules, salt=options.salt)
        self.wire = WireReader(options.input_format, planned_events=self.schemas.track)
        # Segment-spec calls can be decided by the compiled check alone; other formats are read first
        self.fast = options.input_format in ("auto", "segment", "rudderstack")

    def process(self, batch: LineChunk | RecordBatch) -> BatchResult:
        result = self.process_lines(batch) if isinstance(batch, LineChunk) else self.process_records(batch)
        if self.personal is not None:
            result.pii_seen = self.personal.take_seen()
        return result

    def process_lines(self, chunk: LineChunk) -> BatchResult:
        """The hot loop: parse, look up, one compiled check; anything else goes to :meth:`check`."""
        result = BatchResult()
        fast_track, fast_calls = (self.schemas.fast_track, self.schemas.fast_calls) if self.fast else ({}, {})
        keep = result.passed_out.append if self.options.keep_passed else None
        loads, count, fast_passed = orjson.loads, bytes.count, 0
        clears = self.personal.clears if self.personal is not None else None
        for offset, line in enumerate(chunk.lines):
            payload = _UNPARSED
            try:
                payload = loads(line)
                call = payload.get("type", "track")
                valid = fast_track.get(payload.get("event")) if call == "track" else fast_calls.get(call)
                if valid is not None and valid(payload) and (clears is None or clears(payload)) and (
                        count(line, b"{") + count(line, b"[") <= MAX_EVENT_DEPTH  # too_deep, inlined
                        or not depth_exceeds(payload, MAX_EVENT_DEPTH)):
                    fast_passed += 1
                    if keep:
                        keep(line)
                    continue
            except Exception:  # not JSON, not an object, unhashable name: the detailed path says what
                pass
            if line.strip():
                source = Location(file=chunk.file, line=chunk.first_line + offset)
                usable = payload is not _UNPARSED and not may_lose_precision(line) and not too_deep(line, payload)
                # otherwise parsed again: exactly where orjson would round or refuses valid JSON, or too deep
                self.check(EventRecord(payload, line, source) if usable else parse_line(line, source), result)
        result.read += fast_passed
        result.passed += fast_passed
        if fast_passed:
            result.formats[self.wire.plain_format] += fast_passed
        if result.passed_out and not result.passed_out[-1].endswith(b"\n"):
            result.passed_out[-1] += b"\n"
        return result

    def process_records(self, batch: RecordBatch) -> BatchResult:
        result = BatchResult()
        for index, item in enumerate(batch.items, batch.first_index):
            record = checked_record(item if isinstance(item, EventRecord) else EventRecord(item, source=Location(index=index)))
            if self.fast and record.parsed and isinstance(record.payload, dict) and self.fast_valid(record.payload):
                result.formats[self.wire.plain_format] += 1
                self._passed(record, result)
                continue
            self.check(record, result)
        return result

    def fast_valid(self, payload: dict) -> bool:
        """True when the compiled check alone says ``payload`` conforms and needs no detailed check."""
        try:
            valid = self.schemas.fast_check(payload)
            return valid is not None and valid(payload) and (self.personal is None or self.personal.clears(payload))
        except (TypeError, ValueError):  # unhashable name, value the compiled validator cannot take
            return False

    def check(self, record: EventRecord, result: BatchResult) -> None:
        """Check the events of one record in detail and record their outcomes in ``result``.

        A record is one event, or a body some SDK sent (a batch, a form body...)
        that the wire formats read into its events.
        """
        for event in self.events_of(record):
            name = self.wire.format_of(event)
            if name:
                result.formats[name] += 1
            if event is not record and event.parsed and isinstance(event.payload, dict) \
                    and self.fast_valid(event.payload):  # an event of a body that conforms: no details needed
                self._passed(event, result)
                continue
            self.check_event(event, result)

    def _passed(self, record: EventRecord, result: BatchResult) -> None:
        """An event the compiled checks passed: counted, and its own bytes kept when passed events are."""
        result.read += 1
        result.passed += 1
        if self.options.keep_passed:
            result.passed_out.append(line_of(record, None))

    def events_of(self, record: EventRecord) -> list[EventRecord]:
        """The events ``record`` holds: itself, those of an SDK's body, or the original of a quarantine record."""
        known = None
        if record.parsed and is_quarantine_record(record.payload):
            known = original_format(record.payload)
            record = unwrap(record.payload, record.source)
        return self.wire.records(record, input_format=known)

    def check_event(self, record: EventRecord, result: BatchResult) -> None:
        """Check one event in detail and record its outcome in ``result``."""
        violations = self.violations(record, complete=self.options.omit_unplanned)
        routed = violations if self.personal is None else self.personal.routed(violations)
        outcome, stripped = decide(record, routed, mode=self.options.mode, omit=self.options.omit_unplanned,
                                   recheck=self._conforms, policy=self.options.policy)
        passes = outcome in ("passed", "omitted")
        replacement = self._replacement(record, routed, stripped) if passes else None
        if self.options.fail_fast and self.options.omit_unplanned:  # deciding needed them all
            from protocol_kit.validation.checks import up_to_first_error

            violations = up_to_first_error(violations)
        result.read += 1
        if violations:
            result.violations.append(violations)
        if passes:
            result.passed += 1
            result.omitted += outcome == "omitted"
            if self.options.keep_passed:
                result.passed_out.append(line_of(record, replacement))
        elif outcome == "quarantined":
            result.quarantined += 1
            if self.options.keep_quarantined:
                result.quarantine_out.append(quarantine_line(record, violations))
        elif outcome == "dropped":
            result.dropped += 1
        else:
            result.reported += 1

    def _replacement(self, record: EventRecord, violations: list[Violation], stripped: Any) -> Any:
        """What a passing event is written as instead of its own bytes (None: its bytes): without its
        unplanned properties (``stripped``), with its personal data redacted or hashed, exactly."""
        replacement, rewritten_from = stripped, None
        if self.personal is not None:
            base = record.payload if stripped is None else stripped
            rewritten = self.personal.rewritten(base)
            if rewritten is not None:
                replacement, rewritten_from = rewritten, base
        if replacement is not None and record.raw is not None and may_lose_precision(record.raw):
            replacement = self._exactly(record, violations, replacement, omitted=stripped is not None,
                                        rewritten_from=rewritten_from)
        return replacement

    def _exactly(self, record: EventRecord, violations: list[Violation], replacement: Any, *, omitted: bool,
                 rewritten_from: Any) -> Any:
        """``replacement`` made again from the exact reading of the raw line, so that big integers and long
        decimals are written with the digits they came with."""
        try:
            exact = loads_exact(record.raw, decimals=True)
        except (ValueError, RecursionError):
            return replacement
        if omitted:
            exact = omit_fields(exact, blocking(violations, self.options.policy))
        if rewritten_from is not None:
            exact = self.personal.rewritten_as(exact, like=rewritten_from)
        return exact

    def violations(self, record: EventRecord, *, complete: bool = False) -> list[Violation]:
        from protocol_kit.validation.checks import check_record, up_to_first_error  # events the fast path did not pass

        policy = self.options.policy
        fail_fast = self.options.fail_fast and not complete
        found = check_record(record, self.schemas, fail_fast=fail_fast and policy.is_default)
        if self.personal is not None:
            found = self.personal.violations(record, found)
        if policy.is_default:
            return found
        found = list(policy.apply(found))  # before stopping early: an ignored error must not hide the next
        return up_to_first_error(found) if fail_fast else found

    def _conforms(self, payload: Any) -> bool:
        from protocol_kit.validation.checks import check_record

        found = list(self.options.policy.apply(check_record(EventRecord(payload), self.schemas)))
        return not blocking(found, self.options.policy)


def checked_record(record: EventRecord) -> EventRecord:
    """``record`` as given to the library: malformed (EV001) when its payload is not JSON the checks can take
    (other types, keys that are not strings, nested too deep, containing itself)."""
    if not record.parsed or isinstance(record.payload, (bytes, bytearray)):  # a raw body: the wire formats read it
        return record
    problem = json_problem(record.payload)
    if problem is None:
        return record
    return EventRecord(raw=record.raw, source=record.source, error=problem)


def line_of(record: EventRecord, replacement: Any) -> bytes:
    """The JSON Lines bytes of a passed event: its own line when untouched."""
    if replacement is None and record.raw is not None:
        return record.raw if record.raw.endswith(b"\n") else record.raw + b"\n"
    return json_line(record.payload if replacement is None else replacement)


def batches(items: Iterable[Any], size: int = 1000) -> Iterable[LineChunk | FileSlice | RecordBatch]:
    """Group events (payloads or records) into batches; chunks and slices of lines pass through as they are."""
    pending: list[Any] = []
    index = 0
    for item in items:
        if isinstance(item, (LineChunk, FileSlice)):
            if pending:
                yield RecordBatch(index - len(pending), pending)
                pending = []
            yield item
            continue
        pending.append(item)
        index += 1
        if len(pending) == size:
            yield RecordBatch(index - size, pending)
            pending = []
    if pending:
        yield RecordBatch(index - len(pending), pending)
