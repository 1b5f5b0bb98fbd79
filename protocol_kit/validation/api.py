"""The library API: check one event, or run a validator over a stream of events."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Union

from protocol_kit.compile.compiled import INDEX_FILE, CompiledPlan, load_compiled
from protocol_kit.events.record import EventRecord
from protocol_kit.policy import CodePolicy
from protocol_kit.validation.digest import MAX_VIOLATIONS
from protocol_kit.validation.engine import BatchResult, Engine, Options, batches, checked_record, line_of as _line
from protocol_kit.validation.report import BodyResult, EventResult, ValidationReport
from protocol_kit.validation.tally import Outputs, Tally, tally_batches
from protocol_kit.violation import Location

if TYPE_CHECKING:
    from protocol_kit.pii import PiiRules
    from protocol_kit.plan import Plan

PlanLike = Union["Plan", CompiledPlan, str, Path]  # plans are read and compiled only when given as files or models
OUTCOMES = ("passed", "dropped", "quarantined", "reported")  # where an event goes (Outcomes)
_FIRST = Location(index=0)


def load_plan(path: str | Path) -> Plan | CompiledPlan:
    """A plan file (YAML, xlsx, csv) as a :class:`Plan`, or a compiled schemas folder as a :class:`CompiledPlan`."""
    path = Path(path)
    if path.is_dir():
        return load_compiled(path)
    from protocol_kit.plan import load_plan as load_plan_file

    return load_plan_file(path)


def compiled(plan: PlanLike) -> CompiledPlan:
    if isinstance(plan, (str, Path)):
        plan = load_plan(plan)
    if isinstance(plan, CompiledPlan):
        return plan
    from protocol_kit.compile.compiler import compile_plan

    return compile_plan(plan)


def validate(event: Any, plan: PlanLike, *, pii: str = "flag", pii_rules: PiiRules | None = None,
             salt: str | None = None, event_version: str = "oldest",
             input_format: str = "auto") -> EventResult | BodyResult:
    """Check one event or one body an SDK sent against ``plan``; every violation is reported.

    ``event``: a Segment-spec event, an SDK's message (a PostHog or Amplitude
    event, a Mixpanel record...), or a raw body (bytes or str: JSON, a form body,
    a query string). ``input_format``: its wire format, or ``auto`` to detect it
    (see :mod:`protocol_kit.events.wire`). One event gives an :class:`EventResult`
    (its ``record`` keeps the SDK's original); a body of several events (a batch)
    a :class:`BodyResult` with one result per event. Both have ``ok`` and ``violations``.
    ``pii``, ``pii_rules`` and ``salt``: personal data, as for :class:`Validator`; in
    ``redact`` and ``hash`` modes ``result.rewritten`` is the event with it replaced.
    ``event_version``: as for :class:`Validator`.
    The :class:`Validator` behind the call is remembered per plan and options (plans
    given as paths are read again when their file changes), so calling this once per
    event costs about what :meth:`Validator.check` costs.
    """
    return remembered_validator(plan, pii=pii, pii_rules=pii_rules, salt=salt, event_version=event_version,
                                input_format=input_format).check(event)


class Validator:
    """Validate events against one plan: one at a time (:meth:`check`) or as streams (:meth:`run`).

    ``mode``: ``report`` (nothing changes), ``block`` (conforming events pass,
    the rest are dropped) or ``quarantine`` (the rest are kept aside with
    their violations). ``omit_unplanned``: remove unplanned properties from
    events that have no other error, so that they pass. ``fail_fast``: report
    each event's violations only up to its first error. ``jobs``: worker processes.
    ``pii``: personal data the plan does not declare is ``flag`` ged (PII001),
    ``redact`` ed or ``hash`` ed (with ``salt``) in passed events, makes the
    event nonconforming (``block``), or is not looked for (``off``);
    ``pii_rules`` from :func:`protocol_kit.pii.rules_from_config`.
    ``event_version``: which version of a versioned event checks payloads that name
    none in ``context.protocols.event_version``, ``oldest`` or ``latest``
    (a version the plan does not have is EV013, checked against the same one).
    ``input_format``: the wire format of what :meth:`check` and :meth:`run` are given
    (see :mod:`protocol_kit.events.wire`), or ``auto`` to detect it per item.
    ``policy``: which codes are reported and how severe (a :class:`~protocol_kit.policy.CodePolicy`);
    an ignored violation, or one re-graded below error, no longer makes the event nonconforming.

    A validator may be shared between threads: :meth:`check` keeps its working
    state (the engine and its caches) per thread.
    """

    def __init__(self, plan: PlanLike, *, mode: str = "report", omit_unplanned: bool = False,
                 fail_fast: bool = False, jobs: int = 1, max_violations: int = MAX_VIOLATIONS,
                 pii: str = "flag", pii_rules: PiiRules | None = None, salt: str | None = None,
                 event_version: str = "oldest", input_format: str = "auto", policy: CodePolicy = CodePolicy()):
        self.plan = compiled(plan)
        self.options = Options(mode=mode, omit_unplanned=omit_unplanned, fail_fast=fail_fast,
                               pii=pii, pii_rules=pii_rules, salt=salt, event_version=event_version,
                               input_format=input_format, policy=policy)
        self.jobs = jobs
        self.max_violations = max_violations
        self._per_thread = threading.local()

    def check(self, event: Any) -> EventResult | BodyResult:
        """Check one event or one SDK body (as :func:`validate` takes them): every violation.

        Nothing is written or dropped: the result says what is wrong, and where the mode
        sends each event (``outcome``, with the bytes ``run`` would write in ``output``).
        """
        engine = self._engine()
        record = checked_record(event if isinstance(event, EventRecord) else EventRecord(event, source=_FIRST))
        if engine.fast and record.parsed and type(record.payload) is dict and engine.fast_valid(record.payload):
            return _passed(engine, record)
        events = engine.events_of(record)
        if len(events) == 1 and events[0] is record:
            return _checked(engine, record)
        results = tuple(_checked_in_body(engine, one) for one in events)
        return results[0] if len(results) == 1 else BodyResult(events=results)

    def events_of(self, event: Any) -> list[EventRecord]:
        """The events ``event`` holds, as :meth:`check` reads them: itself, or those of an SDK's body."""
        record = checked_record(event if isinstance(event, EventRecord) else EventRecord(event, source=_FIRST))
        return self._engine().events_of(record)

    def format_of(self, record: EventRecord) -> str | None:
        """The wire format ``record`` (one of :meth:`events_of`) was read as; None when it could not be read."""
        return self._engine().wire.format_of(record)

    def _engine(self) -> Engine:
        engine: Engine | None = getattr(self._per_thread, "engine", None)
        if engine is None:  # what run would write for an event is kept in the modes that write
            options = replace(self.options, keep_passed=self.options.mode != "report",
                              keep_quarantined=self.options.mode == "quarantine")
            engine = self._per_thread.engine = Engine(self.plan, options)
        return engine

    def run(self, events: Iterable[Any], *, valid_out: BinaryIO | None = None,
            quarantine_out: BinaryIO | None = None,
            progress: Callable[[int], None] | None = None, input_format: str | None = None) -> ValidationReport:
        """Validate every event of ``events`` and return the report.

        ``events``: parsed payloads (dicts), raw bodies an SDK sent (bytes or
        str) or parsed ones (a PostHog batch, an Amplitude body...),
        :class:`EventRecord` s, or the chunks of :func:`protocol_kit.events.read_chunks`.
        ``input_format``: the wire format of the bodies (default: the validator's), or ``auto``
        to detect it per item (``report.formats`` counts the events read per format). Passed events are
        written to ``valid_out`` and quarantined ones to ``quarantine_out``
        (binary streams, JSON Lines). ``progress`` is called with the number of
        events done after every batch.

        With ``jobs`` above 1, the :class:`~protocol_kit.events.FileSlice` s of
        ``read_chunks(..., slices=True)`` are cut and read by the worker processes,
        which write their parts of the outputs to temporary files beside them (or in
        the system's temporary folder, for streams without a file); the outputs and
        the report are the same as with one process.
        """
        if self.options.mode == "quarantine" and quarantine_out is None:
            raise ValueError("quarantine mode needs quarantine_out: a stream for the nonconforming events")
        options = replace(self.options, keep_passed=valid_out is not None,
                          keep_quarantined=quarantine_out is not None,
                          input_format=input_format or self.options.input_format)
        engine = Engine(self.plan, options)
        tally = Tally.empty(max_violations=self.max_violations)
        outputs = Outputs(valid=valid_out, quarantine=quarantine_out)
        if self.jobs > 1:
            from protocol_kit.validation.parallel import run_in_parallel

            run_in_parallel(engine, batches(events), tally, outputs=outputs, jobs=self.jobs, progress=progress)
        else:
            tally_batches(engine, batches(events), tally, outputs, progress)
        return tally.report(self.plan.name, options.mode, engine.personal)


def _checked(engine: Engine, record: EventRecord) -> EventResult:
    """One event checked in detail, and routed by the engine's mode as :meth:`Validator.run` routes it."""
    result = BatchResult()
    engine.check_event(record, result)
    personal = engine.personal
    rewritten = personal.rewritten(record.payload) if personal is not None and record.parsed else None
    outcome = next(name for name in OUTCOMES if getattr(result, name))
    output = next(iter(result.passed_out or result.quarantine_out), None)
    return EventResult(record=record, violations=tuple(result.violations[0]) if result.violations else (),
                       rewritten=rewritten, outcome=outcome, output=output)


def _checked_in_body(engine: Engine, record: EventRecord) -> EventResult:
    """One event read from a body: a conforming one costs the compiled checks, as in :meth:`Engine.check`."""
    if record.parsed and type(record.payload) is dict and engine.fast_valid(record.payload):
        return _passed(engine, record)
    return _checked(engine, record)


def _passed(engine: Engine, record: EventRecord) -> EventResult:
    """An event the compiled checks passed, with the line ``run`` writes for it when it keeps passed events."""
    return EventResult(record=record, violations=(), output=_line(record, None) if engine.options.keep_passed else None)


_REMEMBERED: OrderedDict[tuple[Any, ...], tuple[tuple[Any, Any], Validator]] = OrderedDict()
_REMEMBERED_PLANS = 16
_remembering = threading.Lock()


def remembered_validator(plan: PlanLike, *, pii: str = "flag", pii_rules: PiiRules | None = None,
                         salt: str | None = None, event_version: str = "oldest",
                         input_format: str = "auto") -> Validator:
    """The validator :func:`validate` uses for ``plan`` and these options, built on first use.

    Plan objects are remembered by identity (the entry holds them, so an id is never
    reused while remembered); paths by name and the file's modification time and size.
    The last few plans are remembered.
    """
    by_path = isinstance(plan, (str, Path))
    plan_key = (os.fspath(plan), _file_stamp(Path(plan))) if isinstance(plan, (str, Path)) else id(plan)
    key = (plan_key, pii, id(pii_rules), salt, event_version, input_format)
    with _remembering:
        entry = _REMEMBERED.get(key)
        if entry is not None and (by_path or entry[0][0] is plan) and entry[0][1] is pii_rules:
            _REMEMBERED.move_to_end(key)
            return entry[1]
    validator = Validator(plan, pii=pii, pii_rules=pii_rules, salt=salt, event_version=event_version,
                          input_format=input_format)
    with _remembering:
        _REMEMBERED[key] = ((plan, pii_rules), validator)
        while len(_REMEMBERED) > _REMEMBERED_PLANS:
            _REMEMBERED.popitem(last=False)
    return validator


def _file_stamp(path: Path) -> tuple[int, int] | None:
    """When a plan file (or a compiled folder's index) last changed; None when it cannot be read."""
    try:
        stat = (path / INDEX_FILE if path.is_dir() else path).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size
