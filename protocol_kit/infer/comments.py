"""The draft as YAML with its evidence as comments above each event and property.

The plan is written by the plan's own YAML writer, loaded back to find the
line of every event and property, and each gets one comment line above it:
``# 98.7% present in 3,120 events; string 100%; date-time 100%``.
"""
from __future__ import annotations

from typing import Iterable

from protocol_kit.infer.evidence import EventEvidence, PathEvidence
from protocol_kit.infer.text import count, day_range, histogram, percent
from protocol_kit.plan.builder import build_plan
from protocol_kit.plan.export.yaml_writer import dump_yaml
from protocol_kit.plan.model import Plan
from protocol_kit.plan.walk import iter_properties
from protocol_kit.plan.yaml_loader import read_yaml_plan


def commented_yaml(plan: Plan, events: Iterable[EventEvidence], paths: Iterable[PathEvidence],
                   header: Iterable[str] = (), *, value_cap: int | None = None) -> str:
    """``value_cap``: how many distinct strings a path's counter held before it was dropped."""
    text = dump_yaml(plan)
    located = build_plan(read_yaml_plan(text, "<draft>"))
    notes: dict[int, str] = {}
    by_event = {(e.call, e.name): e for e in events}
    by_path = {(p.call, p.event, p.pointer): p for p in paths}
    for event in located.events:
        evidence = by_event.get((event.call, event.name))
        if evidence is not None and event.location and event.location.line:
            notes[event.location.line] = event_comment(evidence)
        for pointer, prop in iter_properties(event):
            found = by_path.get((event.call, event.name, pointer))
            if found is not None and prop.location and prop.location.line:
                notes[prop.location.line] = path_comment(found, value_cap=value_cap)
    lines = text.splitlines()
    out = [f"# {line}" for line in header]
    for number, line in enumerate(lines, 1):
        if number in notes:
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}# {notes[number]}")
        out.append(line)
    return "\n".join(out) + "\n"


def event_comment(e: EventEvidence) -> str:
    parts = [count(e.count, "event")]
    days = day_range(e.first, e.last)
    if days:
        parts[0] += f", {days}"
    if e.libraries:
        parts.append("libraries: " + ", ".join(f"{name} {n:,}" for name, n in e.libraries.items()))
    if e.names:
        shown = list(e.names.items())[:10]
        more = f", and {len(e.names) - len(shown)} more" if len(e.names) > len(shown) else ""
        parts.append("names: " + ", ".join(f"{name} {n:,}" for name, n in shown) + more)
    if e.versions:
        parts.append("versions: " + ", ".join(f"{name} {n:,}" for name, n in e.versions.items()))
    return "; ".join(parts)


def path_comment(p: PathEvidence, *, value_cap: int | None = None) -> str:
    where = "array elements" if p.pointer.endswith("/*") else "objects" if p.pointer.count("/") > 2 else "events"
    parts = [f"{percent(p.present, p.containers)} present in {count(p.containers, where[:-1])}",
             histogram(p.types) if p.types else "no values"]
    if p.format:
        parts.append(f"{p.format} {percent(p.format_matches, p.non_null)}")
    if p.dominant == "string" and p.format is None and p.distinct is not None:
        parts.append(count(p.distinct, "distinct value"))
    elif p.dominant == "string" and p.format is None and value_cap is not None:
        parts.append(f"over {value_cap - 1:,} distinct values")
    if p.minimum is not None:
        parts.append(f"{p.minimum}..{p.maximum}")
    if p.pii:
        parts.append(f"personal data: {p.pii} (by {p.pii_basis})")
    return "; ".join(parts)
