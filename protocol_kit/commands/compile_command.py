"""``compile_plans``: tracking plans to JSON Schema folders, or a check that the folders are up to date."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from protocol_kit.commands.plans import load_plans
from protocol_kit.compile import CompiledPlan, check_schemas, compile_plan, write_schemas
from protocol_kit.compile.writer import FileChange  # noqa: F401 (what a run changed, as commands show it)
from protocol_kit.errors import PlanError
from protocol_kit.plan import Plan
from protocol_kit.violation import Violation


@dataclass(frozen=True, slots=True, kw_only=True)
class CompileOptions:
    out: Path = Path("schemas")  # one folder per plan inside
    check: bool = False  # write nothing; report the files that would change
    plan_name: str | None = None
    plan_version: str | None = None


@dataclass(frozen=True, slots=True)
class CompileRun:
    compiled: tuple[CompiledPlan, ...]
    changes: tuple[tuple[CompiledPlan, tuple[FileChange, ...]], ...]  # per plan: written, or out of date (check)
    checked: bool

    @property
    def up_to_date(self) -> bool:
        return not any(changes for _, changes in self.changes)


class PlanNotCompiled(PlanError):
    """A plan has load errors (``findings``): nothing was compiled."""

    def __init__(self, findings: tuple[Violation, ...]):
        super().__init__(f"{len(findings)} error(s) in the plan; nothing compiled (see `protocol-kit lint`)")
        self.findings = findings


def compile_plans(plans: Iterable[Path | str | Plan], options: CompileOptions = CompileOptions()) -> CompileRun:
    """Compile every plan, then write (or with ``check``, compare) their schema folders under ``options.out``.

    A plan with a load error of severity error is not compiled (:class:`PlanNotCompiled`);
    two plans of one name are refused, since their schemas would go to one folder.
    Nothing is written unless every plan compiles.
    """
    compiled = [compilable(plan) for plan in load_plans(plans, name=options.plan_name, version=options.plan_version)]
    _refuse_duplicate_names(compiled)
    action = check_schemas if options.check else write_schemas
    changes = tuple((plan, tuple(action(plan, options.out))) for plan in compiled)
    return CompileRun(compiled=tuple(compiled), changes=changes, checked=options.check)


def compilable(plan: Plan) -> CompiledPlan:
    """``plan`` compiled; :class:`PlanNotCompiled` when it has a load error of severity error."""
    errors = tuple(f for f in plan.findings if f.severity == "error")
    if errors:
        raise PlanNotCompiled(errors)
    return compile_plan(plan)


def _refuse_duplicate_names(compiled: list[CompiledPlan]) -> None:
    names = [plan.name for plan in compiled]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise PlanError(f"several plans are named {', '.join(repeated)}; each plan needs its own name "
                        "(its schemas go to a folder of that name)")
