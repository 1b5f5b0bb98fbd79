"""What needs a decision: findings on the draft, located where the draft was written.

Lint runs on the draft as on any plan (naming conventions, near-duplicate
properties, one property with different types in different events, personal
data); the IN codes add what only the data shows. Descriptions (PL3) are left
out: no draft has them yet.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator

from protocol_kit.pii.plan_lint import personal_data_rules
from protocol_kit.infer.evidence import PathEvidence
from protocol_kit.infer.text import count, histogram, percent
from protocol_kit.plan.lint import lint_plan
from protocol_kit.policy import CodePolicy
from protocol_kit.plan.model import Plan
from protocol_kit.plan.walk import iter_properties
from protocol_kit.violation import Location, Violation

if TYPE_CHECKING:
    from protocol_kit.infer.api import InferResult

DRAFT_LINT = CodePolicy(ignore=("PL3",))
Places = dict[tuple[str, str, str], Location]


def draft_findings(result: "InferResult", located: Plan) -> list[Violation]:
    """Every finding of ``result``, located in ``located`` (the draft as loaded back from its file)."""
    places = _places(located)
    found = [*(_locate(v, places) for v in result.notes),
             *_path_findings(result.paths, places),
             *lint_plan(located, config=DRAFT_LINT, extra=personal_data_rules(result.options.pii_rules))]
    return found


def _places(plan: Plan) -> Places:
    places: Places = {}
    for event in plan.events:
        if event.location is not None:
            places[(event.call, event.name, "")] = event.location
        for pointer, prop in iter_properties(event):
            if prop.location is not None:
                places[(event.call, event.name, pointer)] = prop.location
                places.setdefault((event.call, event.name, f"{pointer}/*"), prop.location)
    return places


def _locate(finding: Violation, places: Places) -> Violation:
    """A finding made before the draft was written, moved to where its event or property is."""
    where = places.get((finding.event_type or "", finding.event or "", finding.path)) \
        or places.get((finding.event_type or "", finding.event or "", ""))
    return replace(finding, source=where) if where is not None and finding.source == Location() else finding


def _path_findings(paths: Iterable[PathEvidence], places: Places) -> Iterator[Violation]:
    for path in paths:
        where = _nearest(places, path.call, path.event, path.pointer)
        for code, message, extra in _decisions(path):
            yield Violation.of(code, message, event=path.event, event_type=path.call, path=path.pointer,
                               source=where, **extra)


def _nearest(places: Places, call: str, event: str, pointer: str) -> Location | None:
    """Where ``pointer`` is written, else its nearest written parent, else the event."""
    while pointer:
        if (call, event, pointer) in places:
            return places[(call, event, pointer)]
        pointer = pointer.rsplit("/", 1)[0]
    return places.get((call, event, ""))


def _decisions(p: PathEvidence) -> Iterator[tuple[str, str, dict]]:
    name = f"'{p.pointer.removeprefix('/')}' of '{p.event}'"
    if p.unnamed:
        parent = p.pointer.rsplit("/", 1)[0]
        yield ("IN008", f"'{p.event}' has values under the key {p.name!r} in '{parent.removeprefix('/')}' "
                        f"({count(p.present, 'payload')}): a plan cannot name it, so the draft leaves it out", {})
        return
    if p.mixed and p.pointer.count("/") == 1:  # the payload field itself
        others = sum(n for kind, n in p.types.items() if kind != "object")
        yield ("IN001", f"'{p.name}' of '{p.event}' is {histogram(p.types)}: the events where it is not an "
                        f"object ({others:,}) fail validation", {"expected": "object", "actual": dict(p.types)})
    elif p.mixed:
        yield ("IN001", f"{name} is {histogram(p.types)}: the draft says {p.dominant}; "
                        f"values of other types ({p.other_types:,} of {p.non_null:,}) fail validation",
               {"expected": p.dominant, "actual": dict(p.types)})
    if p.format and p.format_matches < p.non_null:
        misses = p.non_null - p.format_matches
        yield ("IN003", f"{name} is {p.format} in {percent(p.format_matches, p.non_null)} of "
                        f"{count(p.non_null, 'value')}: the others ({misses:,}) fail validation",
               {"expected": p.format})
    if p.required and p.present < p.containers:
        missing = p.containers - p.present
        yield ("IN004", f"{name} is present in {percent(p.present, p.containers)} of "
                        f"{count(p.containers, 'payload')} and planned as required: "
                        f"the payloads without it ({missing:,}) fail validation", {})
    if p.pii:
        basis = {"name": "its name", "value": "its values", "both": "its name and values"}[p.pii_basis or "name"]
        yield ("IN005", f"{name} holds personal data ({p.pii}, judged by {basis})",
               {"expected": p.pii, "actual": p.examples[0] if p.examples else None})
    if p.extra_keys:
        yield ("IN007", f"{name} has more distinct keys than can be planned ({count(p.extra_keys, 'key')} "
                        "beyond the first 500 were not followed): the draft leaves it open", {})
    if p.too_deep:
        yield ("IN009", f"{name} holds values nested more than 32 levels deep ({count(p.too_deep, 'value')}): "
                        "they were not followed, and the draft leaves the path open", {})
