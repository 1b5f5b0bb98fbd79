"""Register the methods of the project's generated clients with the scanner, so that
``tracker.orderCompleted({...})`` counts as a tracking call of ``Order Completed``; the
generated files themselves are left out of the scan (their own forwarding calls are no
instrumentation)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from protocol_kit.codegen import tracking_functions
from protocol_kit.codegen.registry import get
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
    generated = [path for t in targets for path in get(t.lang).output_paths(t.out)]
    exclude = tuple(pattern for path in generated for pattern in _patterns(path, config.root))
    return replace(scan, generated_functions=scan.generated_functions + functions, exclude=scan.exclude + exclude)


def _patterns(path: Path, root: Path) -> tuple[str, ...]:
    """Exclusion patterns matching ``path`` whether the scan names it absolute or relative to the project."""
    absolute = path.resolve().as_posix()
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return (absolute,)
    return (absolute, relative, f"./{relative}", f"*/{relative}")
