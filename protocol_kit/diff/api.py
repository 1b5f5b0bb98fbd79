"""The library call behind ``protocol-kit diff`` and ``changelog``: two plans in, one result out."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protocol_kit.compile import CompiledPlan
from protocol_kit.diff.bump import Requirement, check_bump, requirement
from protocol_kit.diff.change import Change
from protocol_kit.diff.compare import compare_plans
from protocol_kit.diff.compiled_plan import compiled_view, plan_from_compiled
from protocol_kit.diff.ignore import IgnoreEntry, Ignored, apply_ignores, load_ignore_file
from protocol_kit.diff.locate import in_new_plan
from protocol_kit.diff.sources import read_plan, read_plan_at
from protocol_kit.plan import Plan
from protocol_kit.violation import Violation, severity_rank

PlanInput = Plan | CompiledPlan | str | Path
# --fail-on: an impact axis, or the lowest severity as for every command
IMPACT_GATES = ("producer", "consumer", "any", "none")
SEVERITY_GATES = ("info", "warning", "error", "never")
FAIL_ON = (*IMPACT_GATES, *SEVERITY_GATES)


@dataclass(frozen=True, slots=True)
class DiffOptions:
    """``ignore``: accepted changes (entries, or the path of an ignore file); ``require_version_bump``:
    report DF501 when the new plan's version does not grow as its changes require; ``renames``: pair a
    removed and an added field of the same shape and a close name; ``today``: for expiry dates."""

    ignore: tuple[IgnoreEntry, ...] | str | Path = ()
    require_version_bump: bool = False
    renames: bool = True
    today: datetime.date | None = None


@dataclass(frozen=True)
class DiffResult:
    """``changes``: what is reported (ignored changes left out); ``violations``: every finding, one per
    change, then those of the version gate and the ignore file (``gate_findings``); ``all_changes``: the
    ignored ones included, in plan order (for the changelog); ``requirement``: the version bump the
    changes need."""

    old: Plan
    new: Plan
    changes: tuple[Change, ...]
    violations: tuple[Violation, ...] = field(default=(), repr=False)
    ignored: Ignored = Ignored()
    requirement: Requirement | None = None
    gate_findings: tuple[Violation, ...] = ()
    all_changes: tuple[Change, ...] = ()

    @property
    def breaking_producers(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaks_producers)

    @property
    def breaking_consumers(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaks_consumers)

    @property
    def impacting(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaks_producers or c.breaks_consumers)

    def fails(self, fail_on: str = "producer") -> bool:
        """Whether the result fails the gate: ``producer`` (errors breaking producers), ``consumer``
        (warnings and errors that may break consumers), ``any`` (warnings and errors with any impact, possible
        producer breaks included), ``none``; or a lowest severity. Version
        bump findings (DF501) fail every gate but none/never."""
        if fail_on in ("none", "never"):
            return False
        if fail_on in SEVERITY_GATES:
            return any(severity_rank(v.severity) >= severity_rank(fail_on) for v in self.violations)
        if any(v.code == "DF501" and v.severity == "error" for v in self.gate_findings):
            return True
        if fail_on == "producer":
            return any(c.graded == "error" for c in self.breaking_producers)
        impacted = self.breaking_consumers if fail_on == "consumer" else self.impacting
        return any(severity_rank(c.graded) >= severity_rank("warning") for c in impacted)

    def to_dict(self) -> dict[str, Any]:
        return {"old": {"plan": self.old.name, "version": self.old.version},
                "new": {"plan": self.new.name, "version": self.new.version},
                "changes": len(self.changes), "producer_breaking": len(self.breaking_producers),
                "consumer_breaking": len(self.breaking_consumers), "ignored": len(self.ignored.changes),
                "version_bump": self.requirement.to_dict() if self.requirement else None}


def diff_plans(old: PlanInput, new: PlanInput, options: DiffOptions = DiffOptions()) -> DiffResult:
    """Compare two plans (models, compiled plans, or paths of any plan form) and grade every change."""
    old_plan, new_plan = as_plan(old), as_plan(new)
    if _is_compiled(old) != _is_compiled(new):  # compare a plan file with a folder as the folder shows it
        old_plan, new_plan = compiled_view(old_plan), compiled_view(new_plan)
    return _graded(old_plan, new_plan, compare_plans(old_plan, new_plan, renames=options.renames), options)


def _graded(old_plan: Plan, new_plan: Plan, changes: list[Change], options: DiffOptions) -> DiffResult:
    entries = options.ignore
    if isinstance(entries, (str, Path)):
        entries = tuple(load_ignore_file(entries))
    kept, ignored = apply_ignores(changes, entries, options.today or datetime.date.today())
    need = requirement(old_plan.version, kept, new_version=new_plan.version)
    gate: list[Violation] = []
    if options.require_version_bump and (old_plan.version is not None or old_plan.events):  # not a new plan
        need, finding = check_bump(old_plan.version, new_plan.version, kept,
                                   new_plan.key_locations.get("version") or new_plan.key_locations.get("plan"))
        if finding is not None:
            gate.append(finding)
    gate.extend(ignored.findings)
    violations = tuple(c.violation() for c in kept) + tuple(gate)
    return DiffResult(old=old_plan, new=new_plan, changes=tuple(kept), violations=violations, ignored=ignored,
                      requirement=need, gate_findings=tuple(gate), all_changes=tuple(changes))


def diff_against(path: str | Path, ref: str, options: DiffOptions = DiffOptions()) -> DiffResult:
    """The plan at ``path`` against itself at git revision ``ref`` (``merge-base``: the merge base of HEAD).

    A plan that did not exist at ``ref`` is compared with an empty plan: everything in it is new.
    """
    new = read_plan(path)
    old = read_plan_at(path, ref)
    old = empty_like(new) if old is None else old
    changes = [in_new_plan(change, old, new) for change in compare_plans(old, new, renames=options.renames)]
    return _graded(old, new, changes, options)


def as_plan(plan: PlanInput) -> Plan:
    if isinstance(plan, Plan):
        return plan
    if isinstance(plan, CompiledPlan):
        return plan_from_compiled(plan)
    return read_plan(plan)


def _is_compiled(plan: PlanInput) -> bool:
    return isinstance(plan, CompiledPlan) or (isinstance(plan, (str, Path)) and Path(plan).is_dir())


def empty_like(plan: Plan) -> Plan:
    """The plan before it existed: same name, nothing planned (a plan new at the git revision)."""
    return Plan(name=plan.name, version=None, additional_properties=plan.additional_properties)
