"""Which planned events the tests exercised, and which unplanned ones they sent: the runtime ``scan --coverage``.

Each process (every pytest-xdist worker too) counts its own calls; the counts
are plain data (:meth:`Coverage.to_dict`), merged on the controller
(:meth:`Coverage.merge`), then listed with the scanner's coverage renderers and
reported through the report formats (JUnit, JSON).
"""
from __future__ import annotations

from typing import Any, Iterable

from protocol_kit.pytest_plugin.checking import PlanCheck
from protocol_kit.pytest_plugin.tracking import TrackedCall
from protocol_kit.report.data import ReportData, from_violations
from protocol_kit.scan.coverage import EventCoverage, untracked
from protocol_kit.scan.render import render_coverage_json, render_coverage_text
from protocol_kit.violation import Location, Violation


class Coverage:
    """Per plan: its planned track events, and where each track event the tests sent came from."""

    def __init__(self) -> None:
        self.planned: dict[str, list[str]] = {}  # plan path -> planned track events, in plan order
        self.sent: dict[str, dict[str, list[str]]] = {}  # plan path -> event -> call sites, in order
        self.violations: list[Violation] = []  # of every captured call
        self.checks: dict[str, PlanCheck] = {}

    def add(self, check: PlanCheck, calls: Iterable[TrackedCall]) -> None:
        plan = str(check.path)
        self.checks.setdefault(plan, check)
        self.planned.setdefault(plan, list(check.planned_events))
        sent = self.sent.setdefault(plan, {})
        for call in calls:
            self.violations.extend(call.violations)
            if call.type == "track" and isinstance(call.event, str):
                sites = sent.setdefault(call.event, [])
                if str(call.location) not in sites:
                    sites.append(str(call.location))

    def to_dict(self) -> dict[str, Any]:
        return {"planned": self.planned, "sent": self.sent, "violations": [v.to_dict() for v in self.violations]}

    def merge(self, data: dict[str, Any]) -> None:
        """Add the counts of another process (its :meth:`to_dict`)."""
        for plan, events in data["planned"].items():
            self.planned.setdefault(plan, events)
        for plan, events in data["sent"].items():
            sent = self.sent.setdefault(plan, {})
            for event, sites in events.items():
                known = sent.setdefault(event, [])
                known.extend(site for site in sites if site not in known)
        self.violations.extend(_violation(item) for item in data["violations"])

    def events(self, plan: str) -> tuple[EventCoverage, ...]:
        sent = self.sent.get(plan, {})
        return tuple(EventCoverage(name, tuple(_location(site) for site in sent.get(name, ())))
                     for name in self.planned[plan])

    def unplanned(self, plan: str) -> dict[str, list[str]]:
        planned = set(self.planned[plan])
        return {event: sites for event, sites in self.sent.get(plan, {}).items() if event not in planned}

    def render_text(self) -> str:
        blocks = []
        for plan in self.planned:
            lines = [f"tracking coverage of {plan}:", render_coverage_text(self.events(plan))]
            unplanned = self.unplanned(plan)
            if unplanned:
                lines.append(f"{len(unplanned)} unplanned event{'s' if len(unplanned) != 1 else ''} sent:")
                lines += [f"! {event}  {', '.join(sites)}" for event, sites in unplanned.items()]
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def render_json(self) -> str:
        return render_coverage_json([item for plan in self.planned for item in self.events(plan)])

    def report(self) -> ReportData:
        """Every violation of the captured calls and an SC006 per planned event no test exercised."""
        found = list(self.violations)
        for plan in self.planned:
            check = self.checks.get(plan) or self.checks.setdefault(plan, PlanCheck(plan))
            if check.plan is not None:  # a plan file (a compiled schemas folder knows no deprecations)
                found += untracked(self.events(plan), check.plan)
        return from_violations("pytest", found, title="protocol-kit tracking in tests",
                               inputs=tuple(self.planned))


def _location(site: str) -> Location:
    file, _, line = site.rpartition(":")
    return Location(file=file, line=int(line)) if line.isdigit() else Location(file=site)


def _violation(item: dict[str, Any]) -> Violation:
    return Violation(code=item["code"], kind=item["kind"], severity=item["severity"], message=item["message"],
                     event=item["event"], event_type=item["event_type"], path=item["path"],
                     expected=item["expected"], actual=item["actual"], source=Location(**item["source"]),
                     message_id=item["message_id"])
