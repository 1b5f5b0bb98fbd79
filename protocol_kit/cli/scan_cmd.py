"""protocol-kit scan: check tracking calls in instrumentation code against the plan."""
from __future__ import annotations

import io
import json
from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN, FAIL_ON_CHOICES, FINDINGS
from protocol_kit.cli.main import short_help
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.commands.plans import plan_paths
from protocol_kit.commands.scan_command import ScanOptions, scan
from protocol_kit.config import load_config
from protocol_kit.report.output import ReportOptions
from protocol_kit.scan.render import render_coverage_text, render_unresolved, scan_summary, summary


@click.command("scan", short_help=short_help("scan"))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--plan", "plans", multiple=True, type=click.Path(path_type=Path),
              help="Tracking plan to check against (repeatable; default: [tool.protocol-kit] plans).")
@report_options(default_format="concise")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Lowest severity that makes the exit code 1 (default: error, or [tool.protocol-kit.scan] fail-on).")
@click.option("--coverage", "show_coverage", is_flag=True,
              help="List each planned event with the places it is tracked, and the events never tracked, "
                   "after the findings.")
@click.option("--fail-on-missing", is_flag=True,
              help="Exit 1 when a planned event is never tracked (SC006); implies --coverage.")
@click.option("--show-unresolved", is_flag=True,
              help="List the calls whose event name could not be worked out, with file:line and why.")
@click.option("--strict", is_flag=True, default=None,
              help="Report each call whose event name could not be worked out (SC008, an error).")
@click.option("--no-cache", is_flag=True,
              help="Do not read or write the name index and the plans read in .protocol-kit-cache/.")
def command(paths: tuple[Path, ...], plans: tuple[Path, ...], output: ReportOptions, fail_on: str | None,
            show_coverage: bool, fail_on_missing: bool, show_unresolved: bool, strict: bool | None,
            no_cache: bool) -> int:
    """Check analytics tracking calls in PATHS (files or directories, default .)
    against the tracking plan.

    Reads JavaScript, TypeScript, Python, Swift, Kotlin, Java and Ruby with a
    real parser and finds calls such as analytics.track, mixpanel.track,
    posthog.capture, amplitude logEvent and the project's own wrappers.
    Event names are worked out across the project: constants, enums and
    objects imported from other files. Reports unplanned events (with the
    closest planned name), unplanned, missing and mistyped properties,
    personal data, event names built at run time, and names breaking the
    plan's conventions.

    Directories are walked, skipping node_modules, vendor, build folders and
    .git. Receivers, wrapper functions and call shapes are set under
    [tool.protocol-kit.scan] in pyproject.toml.

    Output is `path:line:col: CODE message`, then a summary of the calls
    found, checked and not resolved; the exit code is 1 on findings at or
    above --fail-on (or a missing event with --fail-on-missing), 2 on usage
    or configuration errors.

    \b
    Examples:
      protocol-kit scan src/ --plan plans/shop.yaml
      protocol-kit scan --coverage --fail-on-missing src/
      protocol-kit scan --show-unresolved --strict src/

    \b
    Silence one finding with a comment on its line:
      analytics.track("Beta Opened")  // protocol-kit: ignore[EV002]
    """
    config = load_config()
    options = ScanOptions.configured(config, strict=strict, cache=False if no_cache else None,
                                     fail_on_missing=fail_on_missing)
    with_coverage = show_coverage or fail_on_missing
    if with_coverage and output.format not in COVERAGE_FORMATS:
        raise click.UsageError(f"--coverage prints {' or '.join(COVERAGE_FORMATS)}, not {output.format}")
    run = scan(paths, plan_paths(plans, config), options)
    threshold = fail_on or options.scan.fail_on
    if with_coverage and output.format == "json":
        code = _emit_with_coverage(run.report, output, run.coverage, fail_on=threshold)
    else:
        code = emit(run.report, output, fail_on=threshold)
        if with_coverage:
            click.echo(render_coverage_text(run.coverage))
    if fail_on_missing:
        code = max(code, FINDINGS if run.coverage_failed else CLEAN)
    if show_unresolved and run.result.unresolved:
        click.echo(render_unresolved(run.result), err=output.format not in ("concise", "text"))
    shown = run.violations + run.missing if fail_on_missing else run.violations
    click.echo(f"{summary(shown)} {scan_summary(run.result, listed=show_unresolved)}", err=True)
    return code


COVERAGE_FORMATS = ("concise", "text", "json")


def _emit_with_coverage(data, output: ReportOptions, report, *, fail_on: str) -> int:
    """One JSON document: the report of the findings, with the coverage under ``coverage``."""
    buffer = io.BytesIO()
    code = emit(data, output, fail_on=fail_on, stdout=buffer)
    document = json.loads(buffer.getvalue())
    document["coverage"] = [item.to_dict() for item in report]
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    return code
