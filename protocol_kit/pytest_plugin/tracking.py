"""What a test's tracking calls were, and the assertions over them: the ``tracking`` fixture's object.

:class:`Calls` holds the assertions and the report over a test's calls; :class:`Tracking` (calls captured
from the SDKs) and the ``collector`` fixture's object (calls that arrived at the collector) supply the calls.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from protocol_kit.pytest_plugin.callers import call_sites
from protocol_kit.pytest_plugin.checking import PlanCheck, best_first
from protocol_kit.suggest import closest, hint
from protocol_kit.violation import Location, Violation


@dataclass(frozen=True, slots=True)
class TrackedCall:
    """One event an SDK would have sent while the test ran, as a Segment-spec call, and its violations.

    ``event``: the track event's name (page and screen: their name; other calls: None);
    ``type``: ``track``, ``identify``, ``page``, ``screen``, ``group`` or ``alias``;
    ``sdk``: which SDK made it; ``location``: the application line that made the call
    (the first line outside the SDK); ``test_location``: the line of the test that led to it;
    ``payload``: the whole Segment-spec event.
    """

    sdk: str
    type: str | None
    event: str | None
    properties: Mapping[str, Any]
    traits: Mapping[str, Any]
    violations: tuple[Violation, ...]
    location: Location
    test_location: Location | None
    payload: Mapping[str, Any] = field(repr=False, default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the call has no violation of severity error."""
        return not any(v.severity == "error" for v in self.violations)

    @property
    def label(self) -> str:
        name = f" {self.event!r}" if self.event is not None else ""
        return f"{self.sdk} {self.type}{name}"

    def where(self) -> str:
        test = f" (test {self.test_location})" if self.test_location and self.test_location != self.location else ""
        return f"{self.location}{test}"


class Calls:
    """The assertions over one test's tracking calls: subclasses supply ``events``, ``clear`` and ``plan``."""

    plan: Path  # the plan the calls were checked against, named in the reports

    @property
    def events(self) -> list[TrackedCall]:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    @property
    def violations(self) -> list[tuple[TrackedCall, Violation]]:
        """Each violation of the calls with its call, best first within each call."""
        return [(call, violation) for call in self.events for violation in call.violations]

    def assert_tracked(self, event: str, properties: Mapping[str, Any] | None = None, *,
                       times: int | None = None) -> list[TrackedCall]:
        """Fail unless ``event`` was tracked (exactly ``times`` times, when given) with ``properties``.

        ``properties`` match partially: each one given must be there with that value (objects inside
        match partially too); others may be there as well. Returns the matching calls.
        """
        __tracebackhide__ = True  # pytest shows the test's line, not this one
        calls = self.events
        named = [call for call in calls if call.event == event]
        matching = [call for call in named if properties is None or _contains(call.properties, properties)]
        if (len(matching) == times) if times is not None else matching:
            return matching
        wanted = f"{event!r}" + (f" with properties {dict(properties)!r}" if properties is not None else "")
        count = "" if times is None else f" {times} time{'s' if times != 1 else ''}"
        found = f"it was tracked {len(matching)} time{'s' if len(matching) != 1 else ''}" if times is not None \
            and matching else "no such call was made"
        lines = [f"expected {wanted} to be tracked{count}; {found}"]
        lines += _calls_of(named, event) or _other_names(calls, event)
        raise AssertionError("\n".join(lines))

    def assert_not_tracked(self, event: str) -> None:
        """Fail if ``event`` was tracked."""
        __tracebackhide__ = True  # pytest shows the test's line, not this one
        named = [call for call in self.events if call.event == event]
        if named:
            raise AssertionError("\n".join([f"expected {event!r} not to be tracked; it was tracked "
                                            f"{len(named)} time{'s' if len(named) != 1 else ''}",
                                            *_calls_of(named, event)]))

    def assert_conforms(self) -> None:
        """Fail if any captured call breaks the plan, listing every violation (the best first)."""
        __tracebackhide__ = True  # pytest shows the test's line, not this one
        message = conformance_report(self)
        if message:
            raise AssertionError(message)


class Tracking(Calls):
    """The calls captured during one test, checked against ``check``'s plan.

    ``test_file``: the test's own file, to tell which of its lines made each call.
    """

    def __init__(self, check: PlanCheck, *, test_file: str | None = None):
        self.check = check
        self.plan = check.path
        self.test_file = test_file
        self._calls: list[TrackedCall] = []

    def record(self, sdk: str, wire_format: str, message: Any) -> None:
        """Take one message an SDK built (the capture's sink)."""
        location, test_location = call_sites(self.test_file)
        for event in self.check.events(message, wire_format=wire_format, source=location):
            payload = event.payload
            self._calls.append(call_of(payload, sdk=sdk, violations=event.violations, location=location,
                                       test_location=test_location))

    @property
    def events(self) -> list[TrackedCall]:
        """Every call captured so far, in the order they were made."""
        return list(self._calls)

    def clear(self) -> None:
        """Forget the calls captured so far."""
        self._calls.clear()


def call_of(payload: Mapping[str, Any], *, sdk: str, violations: tuple[Violation, ...], location: Location,
            test_location: Location | None = None) -> TrackedCall:
    """The record of one Segment-spec event (empty when it could not be read) and its violations."""
    call = payload.get("type", "track") if payload else None
    name = payload.get("event") if call == "track" else payload.get("name") if call in ("page", "screen") else None
    return TrackedCall(sdk=sdk, type=call, event=name, properties=payload.get("properties") or {},
                       traits=payload.get("traits") or {}, violations=violations, location=location,
                       test_location=test_location, payload=payload)


def conformance_report(tracking: Calls) -> str:
    """Every call with an error, and all its violations, best first; empty when all conform."""
    broken = [call for call in tracking.events if not call.ok]
    if not broken:
        return ""
    broken.sort(key=lambda call: best_first(call.violations[0]))
    plural = "s" if len(broken) != 1 else ""
    lines = [f"{len(broken)} tracking call{plural} break{'' if plural else 's'} the plan {tracking.plan}:"]
    for call in broken:
        lines.append(f"  {call.where()}: {call.label}")
        lines += [f"    {v.code} {v.path or '(event)'}: {v.message}" for v in call.violations]
    return "\n".join(lines)


def _contains(actual: Any, expected: Any) -> bool:
    if isinstance(expected, Mapping):
        return isinstance(actual, Mapping) and all(
            name in actual and _contains(actual[name], value) for name, value in expected.items())
    return actual == expected and type(actual) is type(expected) or (
        isinstance(actual, (int, float)) and isinstance(expected, (int, float))
        and not isinstance(actual, bool) and not isinstance(expected, bool) and actual == expected)


def _calls_of(calls: list[TrackedCall], event: str) -> list[str]:
    return [f"  {call.where()}: {call.label} with properties {dict(call.properties)!r}" for call in calls]


def _other_names(calls: list[TrackedCall], event: str) -> list[str]:
    names = sorted({call.event for call in calls if call.event is not None})
    if not names:
        return ["  no event was tracked"]
    return [f"  events tracked: {', '.join(repr(n) for n in names)}{hint(closest(event, names))}"]
