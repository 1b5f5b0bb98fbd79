"""``--merge-into``: keep a plan as it is and add only what arrives unplanned, reporting type conflicts.

An unplanned event is added as inferred; an unplanned property of a planned
event is added to it, reusing the plan's definition of a property of that name
where it has one. A planned property arriving with another JSON type is
reported (IN103) and left as the plan says. Versioned events are compared with
their latest version and never changed: a new property there is a new version.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from protocol_kit.infer.draft import DraftEvent
from protocol_kit.infer.text import count
from protocol_kit.plan.model import ANY_TYPE, Event, Plan, Property
from protocol_kit.plan.naming import normal_form
from protocol_kit.plan.walk import iter_properties
from protocol_kit.violation import Violation


@dataclass(frozen=True, slots=True)
class Merged:
    plan: Plan
    findings: tuple[Violation, ...]


def merge_into(plan: Plan, drafts: list[DraftEvent]) -> Merged:
    known = _definitions(plan)
    events = list(plan.events)
    findings: list[Violation] = []
    for draft in drafts:
        observed = draft.event
        planned = _planned(plan, observed)
        if planned is None:
            events.append(replace(observed, properties=tuple(_reuse(p, known) for p in observed.properties)))
            findings.append(_unplanned_event(plan, draft))
            continue
        merger = _EventMerge(observed, known, editable=planned.version is None)
        properties = merger.merge(planned.properties, observed.properties, f"/{observed.payload_field}")
        findings.extend(merger.findings)
        if properties != planned.properties:
            events[events.index(planned)] = replace(planned, properties=properties)
    return Merged(replace(plan, events=tuple(events), findings=()), tuple(findings))


def _unplanned_event(plan: Plan, draft: DraftEvent) -> Violation:
    observed = draft.event
    what = f"event '{observed.name}'" if observed.call == "track" else f"the {observed.call} call"
    spelled = next((e.name for e in plan.track_events if observed.call == "track"
                    and normal_form(e.name) == normal_form(observed.name)), None)
    hint = f"; it differs from the planned '{spelled}' only in case or separators" if spelled else ""
    return Violation.of("IN101", f"{what} is not in the plan ({count(draft.evidence.count, 'event')}): added as "
                                 f"inferred{hint}", event=observed.name, event_type=observed.call, expected=spelled)


def _planned(plan: Plan, observed: Event) -> Event | None:
    if observed.call != "track":
        return plan.call(observed.call)
    versions = plan.versions(observed.name)
    return versions[-1] if versions else plan.event(observed.name)


def _definitions(plan: Plan) -> dict[str, Property]:
    """The first planned definition of each property name, for unplanned properties of that name."""
    known: dict[str, Property] = {}
    for event in plan.events:
        for _, prop in iter_properties(event):
            known.setdefault(prop.name, prop)
    return known


def _reuse(observed: Property, known: dict[str, Property]) -> Property:
    planned = known.get(observed.name)
    return observed if planned is None else replace(planned, required=observed.required)


class _EventMerge:
    def __init__(self, event: Event, known: dict[str, Property], *, editable: bool):
        self.event, self.known, self.editable = event, known, editable
        self.findings: list[Violation] = []

    def merge(self, planned: tuple[Property, ...], observed: tuple[Property, ...], prefix: str) -> tuple[Property, ...]:
        by_name = {p.name: p for p in planned}
        merged = list(planned)
        for seen in observed:
            pointer = f"{prefix}/{seen.name}"
            plan_prop = by_name.get(seen.name)
            if plan_prop is None:
                self._unplanned(seen, pointer)
                if self.editable:
                    merged.append(_reuse(seen, self.known))
                continue
            if not _compatible(plan_prop, seen):
                self.findings.append(self._finding(
                    "IN103", f"'{pointer.removeprefix('/')}' of '{self.event.name}' is planned as "
                             f"{plan_prop.type} but arrives as {seen.type}", pointer,
                    expected=plan_prop.type, actual=seen.type))
                continue
            nested = self._nested(plan_prop, seen, pointer)
            if nested is not plan_prop:
                merged[merged.index(plan_prop)] = nested
        return tuple(merged)

    def _nested(self, planned: Property, seen: Property, pointer: str) -> Property:
        if planned.type == "object" and seen.properties:
            children = self.merge(planned.properties, seen.properties, pointer)
            return planned if children == planned.properties else replace(planned, properties=children)
        if planned.items is not None and seen.items is not None and seen.items.properties:
            items = self._nested(planned.items, seen.items, f"{pointer}/*")
            return planned if items is planned.items else replace(planned, items=items)
        return planned

    def _unplanned(self, seen: Property, pointer: str) -> None:
        action = "added as inferred" if self.editable else "not added: the event is versioned, plan a new version"
        if self.editable and seen.name in self.known:
            action = "added with the plan's definition of that name"
        self.findings.append(self._finding(
            "IN102", f"'{pointer.removeprefix('/')}' of '{self.event.name}' is not in the plan: {action}", pointer))

    def _finding(self, code: str, message: str, pointer: str, **fields) -> Violation:
        return Violation.of(code, message, event=self.event.name, event_type=self.event.call, path=pointer, **fields)


def _compatible(planned: Property, seen: Property) -> bool:
    """Whether values of the observed type pass the planned one (integers are numbers; untyped takes all)."""
    want, got = planned.json_type, seen.json_type
    if planned.type == ANY_TYPE or seen.type == ANY_TYPE or want == got:
        return True
    return want == "number" and got == "integer"
