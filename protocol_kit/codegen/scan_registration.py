"""Register the methods of the project's generated clients with the scanner, so that
``tracker.orderCompleted({...})`` counts as a tracking call of ``Order Completed``."""
from __future__ import annotations

from dataclasses import replace

from protocol_kit.codegen import tracking_functions
from protocol_kit.codegen.target import load_targets
from protocol_kit.compile import compile_plan
from protocol_kit.config import Config
from protocol_kit.plan import Plan
from protocol_kit.scan.config import GeneratedFunction, ScanConfig


def with_generated_functions(scan: ScanConfig, config: Config, plan: Plan | None) -> ScanConfig:
    """``scan`` with the generated methods of every configured codegen target's language."""
    targets = load_targets(config)
    if not targets or plan is None:
        return scan
    found = tracking_functions(compile_plan(plan), tuple({t.lang for t in targets}))
    functions = tuple(GeneratedFunction(name, event, keywords) for name, event, keywords in found)
    return replace(scan, generated_functions=scan.generated_functions + functions)
