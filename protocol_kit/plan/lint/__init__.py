"""Plan lint: rules over the plan model, each yielding Violation records."""
from protocol_kit.plan.lint.engine import RULES, lint_plan, lint_plans

__all__ = ["RULES", "lint_plan", "lint_plans"]
