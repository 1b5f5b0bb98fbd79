"""Run the lint rules over plans and apply the configured selection and severities.

Rules are bound to their codes in one table, ruff's way (``code -> rule``); a rule
whose codes the policy does not select is not run. Rules that need more than the
plan model (personal data: the name classifier and ``[tool.protocol-kit.pii]``) are
given by the caller as :class:`BoundRule` s (see ``protocol_kit.commands.lint_command``), so
that plan lint imports nothing above the plan.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from protocol_kit.plan.lint import rules_constraints, rules_docs, rules_duplicates, rules_naming
from protocol_kit.plan.model import Plan
from protocol_kit.policy import CodePolicy
from protocol_kit.violation import Violation

Rule = Callable[[Plan], Iterable[Violation]]
LOAD_CODES = ("PL001", "PL002", "PL003")  # found while the plan is read (plan.findings), not by a rule


@dataclass(frozen=True, slots=True)
class BoundRule:
    codes: tuple[str, ...]  # every code the rule can report
    rule: Rule


# code -> rule. Every rule takes one plan; rules comparing plans with each other do not exist.
RULES: dict[str, Rule] = {
    "PL101": rules_naming.event_names,
    "PL102": rules_naming.property_names,
    "PL201": rules_duplicates.duplicate_events,
    "PL202": rules_duplicates.duplicate_properties,
    "PL203": rules_duplicates.conflicting_types,
    "PL301": rules_docs.event_descriptions,
    "PL302": rules_docs.property_descriptions,
    "PL401": rules_constraints.bounds,
    "PL402": rules_constraints.enum_types,
    "PL403": rules_constraints.patterns,
    "PL404": rules_constraints.untyped,
    "PL405": rules_constraints.not_applicable,
    "PL406": rules_constraints.nested_quantifiers,
}


def lint_plan(plan: Plan, *, config: CodePolicy = CodePolicy(), extra: Sequence[BoundRule] = ()) -> list[Violation]:
    """Every finding of ``plan``: problems met while loading it, then each selected rule's, in source order."""
    rules = [rule for code, rule in RULES.items() if config.selects(code)]
    rules += [bound.rule for bound in extra if any(config.selects(code) for code in bound.codes)]
    found = [*plan.findings, *(v for rule in rules for v in rule(plan))]
    return sorted(config.apply(found), key=_position)


def lint_plans(plans: Iterable[Plan], *, config: CodePolicy = CodePolicy(),
               extra: Sequence[BoundRule] = ()) -> list[Violation]:
    return [v for plan in plans for v in lint_plan(plan, config=config, extra=extra)]


def _position(v: Violation) -> tuple[str, str, int, int, str]:
    s = v.source
    return (s.file or "", s.sheet or "", s.line or s.row or 0, s.column or 0, v.code)
