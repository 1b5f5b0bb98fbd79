"""``lint``: every finding of tracking plans, under the project's code policy."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from protocol_kit.commands.plans import load_plans
from protocol_kit.config import Config
from protocol_kit.pii import PiiRules, rules_from_config
from protocol_kit.pii.plan_lint import personal_data_rules
from protocol_kit.plan import Plan
from protocol_kit.plan.lint import lint_plans
from protocol_kit.plan.lint import lint_plan as lint_model
from protocol_kit.policy import CodePolicy
from protocol_kit.report import ReportData, from_violations
from protocol_kit.report.paths import display_path
from protocol_kit.violation import Violation


@dataclass(frozen=True, slots=True, kw_only=True)
class LintOptions:
    policy: CodePolicy = CodePolicy()
    pii_rules: PiiRules | None = None  # default: the built-in rules
    plan_name: str | None = None  # replaces what the plan files say
    plan_version: str | None = None

    @classmethod
    def configured(cls, config: Config, *, plan_name: str | None = None,
                   plan_version: str | None = None) -> "LintOptions":
        """The options ``[tool.protocol-kit]`` sets (policy of ``lint``, rules of ``pii``)."""
        return cls(policy=config.policy("lint"), pii_rules=rules_from_config(config.section("pii"), base_dir=config.root),
                   plan_name=plan_name, plan_version=plan_version)


@dataclass(frozen=True, slots=True)
class LintRun:
    plans: tuple[Plan, ...]
    findings: tuple[Violation, ...]
    report: ReportData


def lint(plans: Iterable[Path | str | Plan], options: LintOptions = LintOptions()) -> LintRun:
    """Lint ``plans`` (paths or :class:`Plan` objects)."""
    loaded = load_plans(plans, name=options.plan_name, version=options.plan_version)
    findings = tuple(lint_plans(loaded, config=options.policy, extra=personal_data_rules(options.pii_rules)))
    inputs = [display_path(p.source) for p in loaded if p.source]
    report = from_violations("lint", findings, inputs=inputs, plan=", ".join(p.name for p in loaded) or None,
                             plan_version=", ".join(p.version for p in loaded if p.version) or None,
                             totals={"plans": len(loaded)})
    return LintRun(plans=tuple(loaded), findings=findings, report=report)


def lint_plan(plan: Plan, *, config: CodePolicy = CodePolicy(), pii: PiiRules | None = None) -> list[Violation]:
    """Every finding of one plan, the personal data rules (``pii``, default: the built-in ones) included."""
    return lint_model(plan, config=config, extra=personal_data_rules(pii))


