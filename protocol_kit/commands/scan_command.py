"""``scan``: tracking calls in source code checked against the plan, and which planned events are tracked."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, NamedTuple

from protocol_kit.cache import cache_folder
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
    fail_on_missing: bool = False  # a planned event never tracked (SC006) is a finding of the run
    project: Config | None = None  # its codegen targets' generated methods count as tracking calls

    @property
    def plan_cache(self) -> Path | None:
        """Where plans read are kept: the project's cache folder, unless the scan's cache is off."""
        return cache_folder(self.project.root) if self.scan.cache and self.project is not None else None

    @classmethod
    def configured(cls, config: Config, *, strict: bool | None = None, cache: bool | None = None,
                   fail_on_missing: bool = False) -> "ScanOptions":
        """The options ``[tool.protocol-kit.scan]`` and the ``scan`` code policy set; ``strict`` and
        ``cache`` (None: as configured) override the table."""
        scan_config = ScanConfig.from_table(config.section("scan"))
        scan_config = replace(scan_config, strict=scan_config.strict if strict is None else strict,
                              cache=scan_config.cache if cache is None else cache)
        return cls(scan=scan_config, policy=config.policy("scan"), fail_on_missing=fail_on_missing, project=config)


class ScanRun(NamedTuple):
    plan: Plan
    result: ScanResult  # every call found; ``violations`` below are the reported ones
    violations: tuple[Violation, ...]
    coverage: tuple[EventCoverage, ...]  # every planned track event with the calls sending it
    missing: tuple[Violation, ...]  # SC006 for each planned event never tracked (deprecated ones excepted)
    report: ReportData  # the findings, with ``missing`` among them when the options ask for it

    @property
    def coverage_failed(self) -> bool:
        """The rule of ``--fail-on-missing``: some planned event is never tracked."""
        return bool(self.missing)


def scan(paths: Iterable[Path | str], plans: Iterable[Path | str | Plan],
         options: ScanOptions = ScanOptions()) -> ScanRun:
    """Scan files and folders (default: the working directory) against the plans, taken as one."""
    paths = tuple(Path(p) for p in paths) or (Path("."),)
    plan = combine_plans(load_plans(plans, cache=options.plan_cache))
    scan_config = options.scan
    if options.project is not None and options.project.section("codegen"):  # codegen targets configured
        from protocol_kit.codegen.scan_registration import with_generated_functions

        scan_config = with_generated_functions(scan_config, options.project, plan)
    result = scan_paths(paths, plan=plan, config=scan_config)
    violations = tuple(options.policy.apply(result.violations))
    report_of_calls = coverage(result.calls, plan)
    missing = tuple(options.policy.apply(untracked(report_of_calls, plan)))
    reported = violations + missing if options.fail_on_missing else violations
    report = from_violations("scan", reported, inputs=[display_path(p) for p in paths], plan=plan.name,
                             plan_version=plan.version,
                             totals={"files": result.files, "calls": len(result.calls), "checked": result.checked,
                                     "unresolved": len(result.unresolved)})
    return ScanRun(plan=plan, result=result, violations=violations, coverage=report_of_calls, missing=missing,
                   report=report)
