"""The library call behind ``protocol-kit infer``: events in, a draft plan with its evidence out."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from protocol_kit.events import EventRecord, FileSlice, LineChunk
from protocol_kit.infer.comments import commented_yaml
from protocol_kit.infer.conventions import detect_conventions
from protocol_kit.infer.draft import DraftEvent, draft_event
from protocol_kit.infer.evidence import EventEvidence, PathEvidence
from protocol_kit.infer.merge import merge_into
from protocol_kit.infer.options import InferOptions
from protocol_kit.infer.stream import StreamStats
from protocol_kit.infer.text import count
from protocol_kit.plan.model import CALL_TYPES, Plan
from protocol_kit.plan.naming import normal_form
from protocol_kit.violation import Violation

PROGRESS_EVERY = 10_000
STREAM_CODES = ("IN002", "IN006")  # about the stream as a whole, kept in every mode


@dataclass(frozen=True)
class InferResult:
    """``plan``: the draft (or the merged plan with ``merge_into``); ``events`` and ``paths``: the evidence
    of every event and property path; ``notes``: findings made before the plan is written (near-duplicate
    events, unusable input, unplanned events and properties), located once it is; ``totals``: counts."""

    plan: Plan
    events: tuple[EventEvidence, ...]
    paths: tuple[PathEvidence, ...]
    notes: tuple[Violation, ...]
    totals: dict[str, int]
    options: InferOptions = field(default_factory=InferOptions)
    added: frozenset[tuple[str, str, str]] = frozenset()  # with merge_into: (call, event, pointer) added

    def yaml(self) -> str:
        """The plan as YAML, with the evidence as comments above each event and property."""
        header = [f"Inferred by protocol-kit infer from {count(self.totals['events'], 'event')}: "
                  "a draft to review (see the findings)."]
        return commented_yaml(self.plan, self.events, self.paths, header,
                              value_cap=self.options.enum_max_values + 1)

    def to_dict(self) -> dict[str, Any]:
        return {"totals": dict(self.totals), "events": [e.to_dict() for e in self.events],
                "paths": [p.to_dict() for p in self.paths]}


def infer_plan(events: Iterable[EventRecord | LineChunk | FileSlice | Any], options: InferOptions = InferOptions(),
               *, progress: Callable[[int], None] | None = None) -> InferResult:
    """Infer a draft plan from ``events``, in one pass with memory bounded by the number of distinct paths.

    ``events``: the chunks of :func:`protocol_kit.events.read_chunks` (the fastest), :class:`EventRecord` s
    such as :func:`protocol_kit.events.read_events` gives, or parsed payloads. ``progress`` is called with
    the number of events read, every chunk or every 10,000 events.
    """
    stats = StreamStats(value_cap=options.enum_max_values + 1)
    shown = 0
    for item in events:
        stats.add_all((item,))
        if progress is not None and stats.read - shown >= PROGRESS_EVERY:
            shown = stats.read
            progress(shown)
    drafts = sorted((draft_event(s, options) for s in stats.events.values()), key=_order)
    kept, notes = _fold_duplicates(drafts)
    notes += _unusable(stats)
    plan = Plan(name=options.plan_name, conventions=options.conventions or detect_conventions(d.event for d in kept),
                events=tuple(d.event for d in kept))
    added: frozenset = frozenset()
    if options.merge_into is not None:
        merged = merge_into(options.merge_into, kept)
        plan, notes = merged.plan, notes + list(merged.findings)
        added = frozenset((f.event_type or "", f.event or "", f.path) for f in merged.findings
                          if f.code in ("IN101", "IN102"))
    totals = {"events": stats.read, "event_types": len(stats.events), "planned_events": len(kept),
              "paths": sum(len(d.paths) for d in kept), "unusable": stats.unusable, "aliases": stats.aliases}
    return InferResult(plan=plan, events=tuple(d.evidence for d in kept),
                       paths=tuple(p for d in kept for p in d.paths), notes=tuple(notes), totals=totals,
                       options=options, added=added)


def _order(draft: DraftEvent) -> tuple:
    event = draft.event
    return (event.call != "track", CALL_TYPES.index(event.call), event.name)


def _fold_duplicates(drafts: list[DraftEvent]) -> tuple[list[DraftEvent], list[Violation]]:
    """Track events whose names differ only in case or separators: the most frequent one is planned."""
    groups: dict[str, list[DraftEvent]] = {}
    for draft in drafts:
        key = normal_form(draft.event.name) if draft.event.call == "track" else draft.event.call
        groups.setdefault(key, []).append(draft)
    dropped: set[int] = set()
    notes = []
    for group in groups.values():
        keep = max(group, key=lambda d: d.evidence.count)
        for other in group:
            if other is not keep:
                dropped.add(id(other))
                notes.append(Violation.of(
                    "IN002", f"event '{other.event.name}' ({count(other.evidence.count, 'event')}, first at "
                             f"{other.evidence.source}) differs from '{keep.event.name}' "
                             f"({count(keep.evidence.count, 'event')}) only in case or separators: "
                             f"the draft plans '{keep.event.name}' alone",
                    event=keep.event.name, event_type="track", expected=keep.event.name, actual=other.event.name))
    return [d for d in drafts if id(d) not in dropped], notes


def _unusable(stats: StreamStats) -> list[Violation]:
    if not stats.unusable:
        return []
    first = stats.problems[0]
    return [Violation.of("IN006", f"events that could not be used are not in the draft ({stats.unusable:,}); "
                                  f"the first at {first.source}: {first.reason}", source=first.source)]


def keep_added(findings: list[Violation], added: frozenset[tuple[str, str, str]]) -> list[Violation]:
    """With ``merge_into``: findings on properties and names only where something was added, not on the
    plan as it was (what arrives for planned properties is said by IN103); stream-wide ones stay."""
    events = {(call, event) for call, event, pointer in added if pointer == ""}
    pointers = [(call, event, pointer) for call, event, pointer in added if pointer]

    def on_added(v: Violation) -> bool:
        if v.code in STREAM_CODES or v.code.startswith("IN1"):
            return True
        call = v.event_type or "track"
        return (call, v.event) in events or any(
            v.event == e and call == c and (v.path == p or v.path.startswith(p + "/")) for c, e, p in pointers)
    return [v for v in findings if on_added(v)]
