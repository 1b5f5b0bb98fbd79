"""The library API: check one event, or run a validator over a stream of events."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable

from protocol_kit.compile import CompiledPlan, compile_plan, load_compiled
from protocol_kit.events.record import EventRecord
from protocol_kit.pii import PiiRules
from protocol_kit.plan import Plan
from protocol_kit.plan import load_plan as _load_plan_file
from protocol_kit.validation.digest import MAX_VIOLATIONS, ReportBuilder
from protocol_kit.validation.engine import BatchResult, Engine, Options, batches, checked_record
from protocol_kit.validation.report import EventResult, Outcomes, ValidationReport
from protocol_kit.violation import Location

PlanLike = Plan | CompiledPlan | str | Path


def load_plan(path: str | Path) -> Plan | CompiledPlan:
    """A plan file (YAML, xlsx, csv) as a :class:`Plan`, or a compiled schemas folder as a :class:`CompiledPlan`."""
    path = Path(path)
    return load_compiled(path) if path.is_dir() else _load_plan_file(path)


def compiled(plan: PlanLike) -> CompiledPlan:
    if isinstance(plan, (str, Path)):
        plan = load_plan(plan)
    return plan if isinstance(plan, CompiledPlan) else compile_plan(plan)


def validate(event: Any, plan: PlanLike, *, pii: str = "flag", pii_rules: PiiRules | None = None,
             salt: str | None = None) -> EventResult:
    """Check one event (a parsed payload) against ``plan``; every violation is reported.

    ``pii``, ``pii_rules`` and ``salt``: personal data, as for :class:`Validator`; in
    ``redact`` and ``hash`` modes ``result.rewritten`` is the event with it replaced.
    To check many events, build a :class:`Validator` once and call :meth:`Validator.run`.
    """
    engine = Engine(compiled(plan), Options(pii=pii, pii_rules=pii_rules, salt=salt))
    record = checked_record(event if isinstance(event, EventRecord) else EventRecord(event, source=Location(index=0)))
    rewritten = engine.personal.rewritten(record.payload) if engine.personal and record.parsed else None
    return EventResult(record=record, violations=tuple(engine.violations(record)), rewritten=rewritten)


class Validator:
    """Validate streams of events against one plan, enforcing a ``mode``.

    ``mode``: ``report`` (nothing changes), ``block`` (conforming events pass,
    the rest are dropped) or ``quarantine`` (the rest are kept aside with
    their violations). ``omit_unplanned``: remove unplanned properties from
    events that have no other error, so that they pass. ``fail_fast``: report
    each event's violations only up to its first error. ``jobs``: worker processes.
    ``pii``: personal data the plan does not declare is ``flag`` ged (PII001),
    ``redact`` ed or ``hash`` ed (with ``salt``) in passed events, makes the
    event nonconforming (``block``), or is not looked for (``off``);
    ``pii_rules`` from :func:`protocol_kit.pii.rules_from_config`.
    """

    def __init__(self, plan: PlanLike, *, mode: str = "report", omit_unplanned: bool = False,
                 fail_fast: bool = False, jobs: int = 1, max_violations: int = MAX_VIOLATIONS,
                 pii: str = "flag", pii_rules: PiiRules | None = None, salt: str | None = None):
        self.plan = compiled(plan)
        self.options = Options(mode=mode, omit_unplanned=omit_unplanned, fail_fast=fail_fast,
                               pii=pii, pii_rules=pii_rules, salt=salt)
        self.jobs = jobs
        self.max_violations = max_violations

    def run(self, events: Iterable[Any], *, valid_out: BinaryIO | None = None,
            quarantine_out: BinaryIO | None = None,
            progress: Callable[[int], None] | None = None) -> ValidationReport:
        """Validate every event of ``events`` and return the report.

        ``events``: parsed payloads (dicts), :class:`EventRecord` s, or the
        chunks of :func:`protocol_kit.events.read_chunks`. Passed events are
        written to ``valid_out`` and quarantined ones to ``quarantine_out``
        (binary streams, JSON Lines). ``progress`` is called with the number of
        events done after every batch.
        """
        options = replace(self.options, keep_passed=valid_out is not None,
                          keep_quarantined=quarantine_out is not None)
        engine = Engine(self.plan, options)
        builder = ReportBuilder(max_violations=self.max_violations)
        totals = BatchResult()
        for result in self._results(engine, batches(events)):
            _merge(totals, result, builder)
            if valid_out is not None and result.passed_out:
                valid_out.write(b"".join(result.passed_out))
            if quarantine_out is not None and result.quarantine_out:
                quarantine_out.write(b"".join(result.quarantine_out))
            if progress is not None:
                progress(totals.read)
        outcomes = Outcomes(mode=options.mode, read=totals.read, passed=totals.passed, omitted=totals.omitted,
                            dropped=totals.dropped, quarantined=totals.quarantined, reported=totals.reported)
        return builder.build(self.plan.name, outcomes)

    def _results(self, engine: Engine, work):
        if self.jobs > 1:
            from protocol_kit.validation.parallel import process_in_parallel

            return process_in_parallel(engine, work, self.jobs)
        return map(engine.process, work)


def _merge(totals: BatchResult, result: BatchResult, builder: ReportBuilder) -> None:
    for name in ("read", "passed", "omitted", "dropped", "quarantined", "reported"):
        setattr(totals, name, getattr(totals, name) + getattr(result, name))
    for violations in result.violations:
        builder.add_event(violations)
