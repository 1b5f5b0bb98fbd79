"""Plan lint: rules over the plan model, each yielding Violation records (``protocol_kit.lint_plan`` adds the
personal data rules)."""
from protocol_kit.plan.lint.engine import LOAD_CODES, RULES, BoundRule, lint_plan, lint_plans

__all__ = ["BoundRule", "LOAD_CODES", "RULES", "lint_plan", "lint_plans"]
