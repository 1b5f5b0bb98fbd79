"""``codegen``: typed tracking clients generated from the compiled plan, written or checked against the disk."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from protocol_kit.codegen import GENERATORS, MODES, Generated, Target, check_generated, generate, write_generated
from protocol_kit.codegen.target import load_targets
from protocol_kit.commands.compile_command import compilable
from protocol_kit.commands.plans import load_plans, plan_paths
from protocol_kit.compile.writer import FileChange
from protocol_kit.config import Config
from protocol_kit.errors import ConfigError, OptionsError
from protocol_kit.plan import Plan, load_plan

__all__ = ["GENERATORS", "MODES", "CodegenOptions", "CodegenRun", "TargetRun", "codegen", "generate_targets"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CodegenOptions:
    targets: tuple[Target, ...]
    check: bool = False  # write nothing; each target's changes are the files missing or stale
    project: Config | None = None  # its plans are used by targets that name none

    @classmethod
    def configured(cls, config: Config, *, lang: str | None = None, out: Path | None = None,
                   mode: str | None = None, check: bool = False) -> "CodegenOptions":
        """One target from ``lang``, ``out`` and ``mode``, else those of ``[[tool.protocol-kit.codegen.targets]]``."""
        if (lang is None) != (out is None):
            raise OptionsError("--lang and --out go together (or give neither to use the configured targets)")
        if mode is not None and lang is None:
            raise OptionsError("--mode goes with --lang and --out; configured targets set their own 'mode'")
        targets = (Target(lang=lang, out=out, mode=mode or "development"),) if lang and out else load_targets(config)
        if not targets:
            raise ConfigError("no codegen target: give --lang and --out, or list targets under "
                              "[[tool.protocol-kit.codegen.targets]] in pyproject.toml")
        return cls(targets=targets, check=check, project=config)


@dataclass(frozen=True, slots=True)
class TargetRun:
    target: Target
    plan: Plan
    generated: Generated  # the files and the warnings (CG codes)
    changes: tuple[FileChange, ...]  # written, or with ``check`` missing or stale


@dataclass(frozen=True, slots=True)
class CodegenRun:
    targets: tuple[TargetRun, ...]
    checked: bool

    @property
    def changes(self) -> tuple[FileChange, ...]:
        return tuple(change for run in self.targets for change in run.changes)

    @property
    def up_to_date(self) -> bool:
        return not self.changes


def codegen(plans: Iterable[Path | str], options: CodegenOptions) -> CodegenRun:
    """Generate every target of ``options`` from its plan (the target's own, else the one of ``plans``)."""
    return CodegenRun(targets=tuple(generate_targets(plans, options)), checked=options.check)


def generate_targets(plans: Iterable[Path | str], options: CodegenOptions) -> Iterator[TargetRun]:
    """:func:`codegen` one target at a time: each is written before the next is generated.

    A plan with load errors is refused (:class:`~protocol_kit.commands.PlanNotCompiled`).
    """
    given = tuple(Path(p) for p in plans)
    for target in options.targets:
        plan = _plan_for(target, given, options.project or Config())
        generated = generate(compilable(plan), target, description=plan.description)
        changes = check_generated(generated) if options.check else write_generated(generated)
        yield TargetRun(target=target, plan=plan, generated=generated, changes=tuple(changes))


def _plan_for(target: Target, given: tuple[Path, ...], config: Config) -> Plan:
    if target.plan is not None:
        return load_plan(target.plan)
    loaded = load_plans(plan_paths(given, config))
    if len(loaded) != 1:
        raise ConfigError(f"codegen generates a client from one plan, and {len(loaded)} are given; "
                          "name the plan (on the command line, or as the target's 'plan')")
    return loaded[0]
