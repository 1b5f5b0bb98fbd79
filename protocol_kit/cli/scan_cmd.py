"""protocol-kit scan: check tracking calls in instrumentation code against the plan."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN, FAIL_ON_CHOICES, FINDINGS
from protocol_kit.cli.main import short_help
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.commands.plans import plan_paths
from protocol_kit.commands.scan_command import ScanOptions, scan
from protocol_kit.config import load_config
from protocol_kit.report.output import ReportOptions
from protocol_kit.scan.render import COVERAGE_RENDERERS, summary


@click.command("scan", short_help=short_help("scan"))
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
    options = ScanOptions.configured(config)
    run = scan(paths, plan_paths(plans, config), options)
    if show_coverage or fail_on_missing:
        shown = "text" if output.format == "concise" else output.format
        if shown not in COVERAGE_RENDERERS:
            raise click.UsageError(f"--coverage prints {' or '.join(COVERAGE_RENDERERS)}, not {output.format}")
        click.echo(COVERAGE_RENDERERS[shown](run.coverage))
        return FINDINGS if fail_on_missing and run.coverage_failed else CLEAN
    code = emit(run.report, output, fail_on=fail_on or options.scan.fail_on)
    click.echo(f"{summary(run.violations)} Scanned {run.result.files} file(s).", err=True)
    return code
