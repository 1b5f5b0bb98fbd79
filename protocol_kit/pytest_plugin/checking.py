"""The one place the plugin validates: the library's per-event check, one validator per wire format.

A captured message is what an SDK would have sent (a Segment call, a PostHog
event, a Mixpanel record, an Amplitude body...). It is checked by
:meth:`protocol_kit.Validator.check` with the SDK's wire format, exactly as
``protocol_kit.validate(message, plan, input_format=...)`` checks the same
message: the wire reader turns it into its Segment-spec events, a conforming
event costs the compiled checks, and only the others are explained in detail.
Every other module of the plugin calls :meth:`PlanCheck.events`; nothing else
here touches validation.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protocol_kit.codes import SEVERITIES
from protocol_kit.events.record import EventRecord
from protocol_kit.plan import Plan
from protocol_kit.validation.api import Validator, compiled, load_plan
from protocol_kit.validation.report import EventResult
from protocol_kit.validation.schemas import PlanSchemas
from protocol_kit.violation import Location, Violation

# Which violation a reader should see first, when an event has several: the most severe, then the one about
# the event as a whole (an unplanned event, a wrong call) before those about one of its fields, then the
# deepest path (the most precise), then by code. ``sorted(violations, key=best_first)``.
_WHOLE_EVENT = ("", "/event", "/type")


def best_first(violation: Violation) -> tuple:
    return (-SEVERITIES.index(violation.severity), violation.path not in _WHOLE_EVENT,
            -violation.path.count("/"), violation.path, violation.code)


@dataclass(frozen=True, slots=True)
class CheckedEvent:
    """One Segment-spec event of a captured message (empty when it could not be read), and its violations
    (best first)."""

    payload: dict[str, Any]
    violations: tuple[Violation, ...]


class PlanCheck:
    """A plan loaded and compiled once, and its validators (one per wire format, built on first use).

    ``pii``: ``flag`` (as ``protocol-kit validate``: undeclared personal data is PII001) or ``off``.
    """

    def __init__(self, path: str | Path, *, pii: str = "flag"):
        self.path = Path(path)
        loaded = load_plan(self.path)
        self.plan: Plan | None = loaded if isinstance(loaded, Plan) else None
        self.compiled = compiled(loaded)
        self.pii = pii
        self._validators: dict[str, Validator] = {}
        # the schemas made ready now, not at the first call: a plan they cannot be made from stops the run at once
        self.planned_events = tuple(PlanSchemas(self.compiled).track)

    def events(self, message: Any, *, wire_format: str, source: Location = Location()) -> list[CheckedEvent]:
        """The events of ``message`` (what an SDK sends, as ``wire_format``) with their violations."""
        result = self.validator(wire_format).check(EventRecord(message, source=source))
        return [_checked(one) for one in result.events] if not isinstance(result, EventResult) \
            else [_checked(result)]

    def validator(self, wire_format: str) -> Validator:
        """The validator of messages in ``wire_format``."""
        validator = self._validators.get(wire_format)
        if validator is None:
            validator = self._validators[wire_format] = Validator(self.compiled, pii=self.pii,
                                                                  input_format=wire_format)
        return validator


def _checked(result: EventResult) -> CheckedEvent:
    record = result.record
    payload = record.payload if record.parsed and isinstance(record.payload, dict) else {}
    violations = result.violations
    return CheckedEvent(payload, tuple(sorted(violations, key=best_first)) if len(violations) > 1 else violations)
