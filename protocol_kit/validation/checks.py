"""The detailed check of one event: every violation, with its path, message and source."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from protocol_kit import messages
from protocol_kit.events.envelope import call_of, message_id_of
from protocol_kit.events.record import EventRecord
from protocol_kit.plan.versions import version_order
from protocol_kit.validation.rules import Finding, SchemaError, deprecated, findings_for, pointer
from protocol_kit.validation.schema_errors import from_compiled, from_reference
from protocol_kit.validation.schemas import EventSchema, PlanSchemas, present
from protocol_kit.violation import Violation


def check_record(record: EventRecord, schemas: PlanSchemas, *, fail_fast: bool = False,
                 reference: bool = False) -> list[Violation]:
    """The violations of one event, sorted by path; with ``fail_fast``, those found up to the first error.

    ``reference``: explain errors with python-jsonschema instead of the compiled validator
    (same violations, much slower; the tests compare the two).
    """
    found = iter_violations(record, schemas, reference=reference)
    if fail_fast:
        return up_to_first_error(found)
    return sorted(found, key=lambda v: (v.path, v.code, v.message))


def up_to_first_error(violations: Iterable[Violation]) -> list[Violation]:
    """The violations up to and including the first error (warnings before it are kept)."""
    kept = []
    for violation in violations:
        kept.append(violation)
        if violation.severity == "error":
            break
    return kept


def iter_violations(record: EventRecord, schemas: PlanSchemas, *, reference: bool = False) -> Iterator[Violation]:
    """Lazily, every violation of ``record`` against the plan."""
    if not record.parsed:
        yield Violation.of("EV001", record.error, source=record.source)
        return
    payload = record.payload
    routed = call_of(payload)
    message_id = message_id_of(payload)
    if isinstance(routed, str):
        yield Violation.of("EV001", routed, source=record.source, message_id=message_id)
        return
    call, name = routed
    context = {"event": name if call == "track" else None, "event_type": call,
               "source": record.source, "message_id": message_id}
    entry, unknown_version = schemas.track_entry(name, payload) if call == "track" else (schemas.calls.get(call), None)
    if unknown_version is not None:
        yield unknown_version_violation(entry, unknown_version, schemas, context)
    if entry is None:
        if call == "track":
            finding = messages.unplanned_event(name, schemas.track)
            yield Violation.of(finding.code, finding.message, expected=finding.expected, actual=finding.actual,
                               **context)
        return
    try:
        for finding in _findings(entry, payload, reference):
            yield Violation.of(finding.code, finding.message, path=pointer(finding.path),
                               expected=finding.expected, actual=finding.actual, **context)
    except RecursionError:
        yield Violation.of("EV001", "event is nested too deeply to be checked", **context)


def unknown_version_violation(entry: EventSchema, wanted: str, schemas: PlanSchemas, context: dict) -> Violation:
    planned = ", ".join(sorted(schemas.versions[entry.compiled.event], key=version_order))
    return Violation.of("EV013", f"event '{entry.name}' has no version '{wanted}' in the plan (planned: {planned}); "
                                 f"checked against version {entry.compiled.version}",
                        path="/context/protocols/event_version", expected=planned, actual=wanted, **context)


def _findings(entry: EventSchema, payload: Any, reference: bool):
    for path in entry.deprecated:
        for where in present(payload, path):
            yield deprecated(entry.name, where)
    if reference:  # the tests' yardstick only: python-jsonschema matches patterns with a backtracking engine
        errors: Iterable[SchemaError] = (from_reference(e) for e in entry.reference.iter_errors(payload))
    else:
        try:
            errors = [from_compiled(e, entry.compiled.schema) for e in entry.validator.iter_errors(payload)]
        except ValueError:  # an error the compiled validator cannot hand over: say so, never explain another way
            yield Finding("EV011", (), "the event does not conform to its schema (the violation cannot be "
                                       "described in detail)")
            return
    for error in errors:
        yield from findings_for(error)
