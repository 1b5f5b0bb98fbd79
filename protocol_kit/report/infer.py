"""Report data for plan inference (:class:`~protocol_kit.infer.InferResult`): the findings on the draft,
notes on what was read, and one row per event property with its statistics for the analyst."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Sequence

from protocol_kit.report.data import ReportData, Table, from_violations
from protocol_kit.violation import Violation

if TYPE_CHECKING:
    from protocol_kit.infer import InferResult

PROPERTY_COLUMNS = ("Event", "Call", "Path", "Type", "Present", "Of", "Present %", "Types", "Nullable",
                    "Format", "Format %", "Distinct", "Minimum", "Maximum", "Required", "Personal data",
                    "Examples")
EVENT_COLUMNS = ("Event", "Call", "Count", "First seen", "Last seen", "Libraries", "Versions", "Names", "First at")


def from_inference(result: "InferResult", findings: Sequence[Violation], *, inputs: Sequence[str] = (),
                   written: Sequence[str] = ()) -> ReportData:
    data = from_violations("infer", findings, inputs=inputs, plan=result.plan.name, totals=dict(result.totals))
    return replace(data, notes=tuple(notes(result, written)), extra={"inference": result.to_dict()},
                   tables=(Table("Observed events", EVENT_COLUMNS, tuple(_event_rows(result))),
                           Table("Observed properties", PROPERTY_COLUMNS, tuple(_property_rows(result)))))


def notes(result: "InferResult", written: Sequence[str] = ()) -> list[str]:
    t = result.totals
    lines = [f"{t['events']:,} events read: {t['event_types']} events and calls, {t['planned_events']} in the "
             f"plan, {t['paths']} property paths"]
    if t["unusable"]:
        lines.append(f"events that could not be used: {t['unusable']:,}")
    if t["aliases"]:
        lines.append(f"alias calls, which a plan has no place for: {t['aliases']:,}")
    if result.options.merge_into is not None:
        codes = [f.code for f in result.notes]
        lines.append(f"against {result.options.merge_into.name}: {codes.count('IN101')} unplanned events, "
                     f"{codes.count('IN102')} unplanned properties, {codes.count('IN103')} type conflicts")
    lines += [f"plan written to {path}" for path in written]
    return lines


def _event_rows(result: "InferResult"):
    for e in result.events:
        yield (e.name, e.call, e.count, e.first, e.last, _counts(e.libraries), _counts(e.versions),
               _counts(e.names), e.source)


def _property_rows(result: "InferResult"):
    for p in result.paths:
        share = round(100 * p.ratio, 2)
        format_share = round(100 * p.format_matches / p.non_null, 2) if p.format and p.non_null else None
        yield (p.event, p.call, p.pointer, p.dominant or "any", p.present, p.containers, share, _counts(p.types),
               "yes" if p.types.get("null") else "no", p.format, format_share, p.distinct, p.minimum, p.maximum,
               "yes" if p.required else "no", p.pii, " | ".join(str(v) for v in p.examples))


def _counts(counter: dict[str, Any]) -> str:
    return ", ".join(f"{name} {n:,}" for name, n in counter.items())
