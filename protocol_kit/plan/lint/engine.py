"""Run the lint rules over plans and apply the configured selection and severities."""
from __future__ import annotations

from typing import Callable, Iterable

from protocol_kit.pii import PiiRules, plan_pii_findings
from protocol_kit.plan.lint import rules_constraints, rules_docs, rules_duplicates, rules_naming
from protocol_kit.plan.model import Plan
from protocol_kit.policy import CodePolicy
from protocol_kit.violation import Violation

Rule = Callable[[Plan], Iterable[Violation]]

# Every rule takes one plan; rules comparing plans with each other do not exist (plans are independent).
RULES: list[Rule] = [
    *rules_naming.RULES,
    *rules_duplicates.RULES,
    *rules_docs.RULES,
    *rules_constraints.RULES,
]
# Undeclared personal properties (PII002, PII003) also depend on [tool.protocol-kit.pii]: its name rules
# and allow-list. They run after RULES with the rules ``lint_plan`` is given.
PII_RULES: list[Callable[..., Iterable[Violation]]] = [plan_pii_findings]


def lint_plan(plan: Plan, *, config: CodePolicy = CodePolicy(), pii: PiiRules | None = None) -> list[Violation]:
    """Every finding of ``plan``: problems met while loading it, then each rule's, in source order.

    ``pii``: the personal data rules (default: the built-in ones).
    """
    found = [*plan.findings, *(v for rule in RULES for v in rule(plan)),
             *(v for rule in PII_RULES for v in rule(plan, rules=pii))]
    return sorted(config.apply(found), key=_position)


def lint_plans(plans: Iterable[Plan], *, config: CodePolicy = CodePolicy(),
               pii: PiiRules | None = None) -> list[Violation]:
    return [v for plan in plans for v in lint_plan(plan, config=config, pii=pii)]


def _position(v: Violation) -> tuple:
    s = v.source
    return (s.file or "", s.sheet or "", s.line or s.row or 0, s.column or 0, v.code)
