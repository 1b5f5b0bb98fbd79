"""protocol-kit scan: check tracking calls in instrumentation code against the plan."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES, exit_code_for
from protocol_kit.cli.options import display_path, load_plans
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.config import load_config
from protocol_kit.codegen.scan_registration import with_generated_functions
from protocol_kit.scan import ScanConfig, scan_paths
from protocol_kit.scan.coverage import coverage, untracked
from protocol_kit.scan.plans import combine_plans
from protocol_kit.report import from_violations
from protocol_kit.report.output import ReportOptions
from protocol_kit.scan.render import COVERAGE_RENDERERS, summary


@click.command("scan")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--plan", "plans", multiple=True, type=click.Path(path_type=Path),
              help="Tracking plan to check against (repeatable; default: [tool.protocol-kit] plans).")
@report_options(default_format="concise")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Lowest severity that makes the exit code 1 (default: error, or [tool.protocol-kit.scan] fail-on).")
@click.option("--coverage", "show_coverage", is_flag=True,
              help="List each planned event with the places it is tracked, and the events never tracked.")
@click.option("--fail-on-missing", is_flag=True,
              help="Exit 1 when a planned event is never tracked (SC006); implies --coverage.")
def command(paths: tuple[Path, ...], plans: tuple[Path, ...], output: ReportOptions, fail_on: str | None,
            show_coverage: bool, fail_on_missing: bool) -> int:
    """Check analytics tracking calls in PATHS (files or directories, default .)
    against the tracking plan.

    Reads JavaScript, TypeScript, Python, Swift, Kotlin, Java and Ruby with a
    real parser and finds calls such as analytics.track, mixpanel.track,
    posthog.capture, amplitude logEvent and the project's own wrappers.
    Reports unplanned events (with the closest planned name), unplanned,
    missing and mistyped properties, personal data, event names built at run
    time, and names breaking the plan's conventions.

    Directories are walked, skipping node_modules, vendor, build folders and
    .git. Receivers and wrapper functions are set under
    [tool.protocol-kit.scan] in pyproject.toml.

    Output is `path:line:col: CODE message`; the exit code is 1 on findings
    at or above --fail-on, 2 on usage or configuration errors.

    \b
    Examples:
      protocol-kit scan src/ --plan plans/shop.yaml
      protocol-kit scan --coverage --fail-on-missing src/

    \b
    Silence one finding with a comment on its line:
      analytics.track("Beta Opened")  // protocol-kit: ignore[EV002]
    """
    config = load_config()
    scan_config = ScanConfig.from_table(config.section("scan"))
    plan = combine_plans(load_plans(plans, config))
    scan_config = with_generated_functions(scan_config, config, plan)
    result = scan_paths(paths or (Path("."),), plan=plan, config=scan_config)
    if show_coverage or fail_on_missing:
        shown = "text" if output.format == "concise" else output.format
        if shown not in COVERAGE_RENDERERS:
            raise click.UsageError(f"--coverage prints {' or '.join(COVERAGE_RENDERERS)}, not {output.format}")
        report = coverage(result.calls, plan)
        click.echo(COVERAGE_RENDERERS[shown](report))
        return exit_code_for(untracked(report, plan), "warning") if fail_on_missing else 0
    violations = result.violations
    data = from_violations("scan", violations, inputs=[display_path(p) for p in paths or (Path("."),)],
                           plan=plan.name, plan_version=plan.version, totals={"files": result.files})
    code = emit(data, output, fail_on=fail_on or scan_config.fail_on)
    click.echo(f"{summary(violations)} Scanned {result.files} file(s).", err=True)
    return code
