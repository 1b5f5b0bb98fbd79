"""Report data for plan diffs (:class:`~protocol_kit.diff.DiffResult`): every change is a finding.

One or several diffs (a pre-commit run compares each changed plan) become one
report; the notes say, per plan, how many changes break producers and
consumers, and the version the plan should have.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from protocol_kit.report.data import ReportData, from_violations

if TYPE_CHECKING:
    from protocol_kit.diff import DiffResult


def from_diffs(results: Sequence["DiffResult"], *, inputs: Sequence[str] = ()) -> ReportData:
    violations = [v for result in results for v in result.violations]
    changes = sum(len(r.changes) for r in results)
    totals = {"plans": len(results), "changes": changes,
              "producer_breaking": sum(len(r.breaking_producers) for r in results),
              "consumer_breaking": sum(len(r.breaking_consumers) for r in results),
              "ignored": sum(len(r.ignored.changes) for r in results)}
    data = from_violations("diff", violations, inputs=inputs, plan=", ".join(r.new.name for r in results) or None,
                           plan_version=", ".join(_versions(r) for r in results if r.old.version or r.new.version)
                           or None, totals=totals)
    return replace(data, notes=tuple(line for r in results for line in notes(r)),
                   extra={"diffs": [r.to_dict() for r in results]})


def notes(result: "DiffResult") -> list[str]:
    plan = f"{result.new.name} {_versions(result)}".strip()
    counts = f"{len(result.changes)} change{'' if len(result.changes) == 1 else 's'}"
    lines = [f"{plan}: {counts}, {len(result.breaking_producers)} break producers, "
             f"{len(result.breaking_consumers)} may break consumers"
             + (f", {len(result.ignored.changes)} ignored" if result.ignored.changes else "")]
    need = result.requirement
    if need is not None and need.level is not None:
        target = f": at least {need.expected}" if need.expected else ""
        article = "an" if need.level_name[0].lower() in "aeiou" else "a"
        lines.append(f"the changes need {article} {need.level_name} version bump ({need.scheme}){target}")
    return lines


def _versions(result: "DiffResult") -> str:
    old, new = result.old.version, result.new.version
    return f"{old or '(no version)'} → {new or '(no version)'}" if old or new else ""
