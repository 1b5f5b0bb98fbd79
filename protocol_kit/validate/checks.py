"""The detailed check of one event: every violation, with its path, message and source."""
from __future__ import annotations

from itertools import islice
from typing import Iterator

from protocol_kit.events.envelope import call_of, message_id_of
from protocol_kit.events.record import EventRecord
from protocol_kit.validate.rules import findings_for, pointer
from protocol_kit.validate.schemas import PlanSchemas
from protocol_kit.validate.suggest import closest
from protocol_kit.violation import Violation


def check_record(record: EventRecord, schemas: PlanSchemas, *, fail_fast: bool = False) -> list[Violation]:
    """The violations of one event, sorted by path; only the first one found with ``fail_fast``."""
    found = iter_violations(record, schemas)
    if fail_fast:
        return list(islice(found, 1))
    return sorted(found, key=lambda v: (v.path, v.code))


def iter_violations(record: EventRecord, schemas: PlanSchemas) -> Iterator[Violation]:
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
    entry = schemas.track.get(name) if call == "track" else schemas.calls.get(call)
    if entry is None:
        if call == "track":
            best = closest(name, schemas.track)
            hint = f" (did you mean '{best}'?)" if best else ""
            yield Violation.of("EV002", f"unplanned event '{name}'{hint}", expected=best, actual=name, **context)
        return
    try:
        for error in entry.reference.iter_errors(payload):
            for finding in findings_for(error):
                yield Violation.of(finding.code, finding.message, path=pointer(finding.path),
                                   expected=finding.expected, actual=finding.actual, **context)
    except RecursionError:
        yield Violation.of("EV001", "event is nested too deeply to be checked", **context)
