"""``scan``: tracking calls in source code checked against the plan, and which planned events are tracked."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from protocol_kit.commands.plans import load_plans
from protocol_kit.config import Config
from protocol_kit.plan import Plan
from protocol_kit.policy import CodePolicy
from protocol_kit.report import ReportData, from_violations
from protocol_kit.report.paths import display_path
from protocol_kit.scan import ScanConfig, ScanResult, scan_paths
from protocol_kit.scan.coverage import EventCoverage, coverage, untracked
from protocol_kit.scan.plans import combine_plans
from protocol_kit.violation import Violation


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanOptions:
    scan: ScanConfig = ScanConfig()
    policy: CodePolicy = CodePolicy()

    @classmethod
    def configured(cls, config: Config) -> "ScanOptions":
        """The options ``[tool.protocol-kit.scan]`` and the ``scan`` code policy set."""
        return cls(scan=ScanConfig.from_table(config.section("scan")), policy=config.policy("scan"))


@dataclass(frozen=True, slots=True)
class ScanRun:
    plan: Plan
    result: ScanResult  # every call found; ``violations`` below are the reported ones
    violations: tuple[Violation, ...]
    coverage: tuple[EventCoverage, ...]  # every planned track event with the calls sending it
    missing: tuple[Violation, ...]  # SC006 for each planned event never tracked (deprecated ones excepted)
    report: ReportData

    @property
    def coverage_failed(self) -> bool:
        """The rule of ``--fail-on-missing``: some planned event is never tracked."""
        return bool(self.missing)


def scan(paths: Iterable[Path | str], plans: Iterable[Path | str | Plan],
         options: ScanOptions = ScanOptions()) -> ScanRun:
    """Scan files and folders (default: the working directory) against the plans, taken as one."""
    paths = tuple(Path(p) for p in paths) or (Path("."),)
    plan = combine_plans(load_plans(plans))
    result = scan_paths(paths, plan=plan, config=options.scan)
    violations = tuple(options.policy.apply(result.violations))
    report_of_calls = coverage(result.calls, plan)
    missing = tuple(options.policy.apply(untracked(report_of_calls, plan)))
    report = from_violations("scan", violations, inputs=[display_path(p) for p in paths], plan=plan.name,
                             plan_version=plan.version, totals={"files": result.files})
    return ScanRun(plan=plan, result=result, violations=violations, coverage=report_of_calls, missing=missing,
                   report=report)
