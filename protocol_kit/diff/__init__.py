"""Plan evolution: compare two versions of a plan, grade each change for producers and consumers.

>>> from protocol_kit.diff import diff_plans, DiffOptions
>>> result = diff_plans("old/plan.yaml", "plans/ecommerce.yaml")        # doctest: +SKIP
>>> result.fails("producer"), [v.code for v in result.violations]       # doctest: +SKIP
"""
from protocol_kit.diff.api import FAIL_ON, DiffOptions, DiffResult, diff_against, diff_plans
from protocol_kit.diff.change import Change
from protocol_kit.diff.changelog import changelog_markdown
from protocol_kit.diff.ignore import IgnoreEntry, load_ignore_file
from protocol_kit.diff.sources import read_plan, read_plan_at

__all__ = ["FAIL_ON", "Change", "DiffOptions", "DiffResult", "IgnoreEntry", "changelog_markdown", "diff_against", "diff_plans",
           "load_ignore_file", "read_plan", "read_plan_at"]
