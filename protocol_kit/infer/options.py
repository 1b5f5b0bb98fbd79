"""The settings of an inference run, in one place."""
from __future__ import annotations

from dataclasses import dataclass

from protocol_kit.pii import PiiRules
from protocol_kit.plan.model import Conventions, Plan


@dataclass(frozen=True, slots=True)
class InferOptions:
    """``required_ratio``: a property present in at least this share of its event's payloads is
    ``required``; ``format_ratio``: a format is set when at least this share of non-null values has it;
    ``enum_max_values``/``enum_min_count``: a string property becomes an enum when it has at most that many
    distinct values, each seen at least that often; ``bounds``: enforce the observed minimum and maximum;
    ``conventions``: the naming conventions names are checked against (None: the ones most names follow);
    ``merge_into``: keep this plan as it is and add only what it does not plan."""

    plan_name: str = "inferred"
    required_ratio: float = 0.98
    format_ratio: float = 0.99
    enum_max_values: int = 10
    enum_min_count: int = 5
    bounds: bool = False
    examples: int = 5
    conventions: Conventions | None = None
    merge_into: Plan | None = None
    pii_rules: PiiRules | None = None
