"""protocol-kit diff: compare two versions of a tracking plan and grade every change."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN, FINDINGS
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import display_path
from protocol_kit.commands.plans import plan_paths
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.config import load_config
from protocol_kit.diff import FAIL_ON, DiffOptions, DiffResult, diff_against, diff_plans
from protocol_kit.diff.changelog import changelogs
from protocol_kit.diff.settings import diff_settings
from protocol_kit.report.diff import from_diffs
from protocol_kit.report.output import ReportOptions


def comparison_options(func):
    """The options ``diff`` and ``changelog`` share: which plans, which git revision, renames."""
    for option in reversed((
        click.argument("plans", nargs=-1, type=click.Path(path_type=Path)),
        click.option("--against", metavar="REF",
                     help="Compare each PLAN with itself at git revision REF (git show REF:path), such as "
                          "origin/main; merge-base: the merge base of HEAD with its target branch."),
        click.option("--renames/--no-renames", default=None,
                     help="Report a removed and an added field (or event) of one shape and a close name as one "
                          "possible rename (default: on)."),
    )):
        func = option(func)
    return func


def run_diffs(plans: tuple[Path, ...], against: str | None, options: DiffOptions) -> tuple[list[DiffResult], list[str]]:
    """The diffs the command line asks for, and the inputs to name in reports."""
    if against is None:
        if len(plans) != 2:
            raise click.UsageError("give OLD and NEW plans, or PLAN... --against REF")
        old, new = plans
        return [diff_plans(old, new, options)], [display_path(old), display_path(new)]
    paths = plan_paths(plans, load_config())
    return [diff_against(path, against, options) for path in paths], [display_path(p) for p in paths]


@click.command("diff", short_help=short_help("diff"))
@comparison_options
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="What makes the exit code 1: changes that break producers (default), that may break "
                   "consumers, any of them, none; or the lowest severity.")
@click.option("--ignore-file", type=click.Path(dir_okay=False, path_type=Path),
              help="YAML list of accepted changes: {code, event, property, reason, expires} "
                   "(default: [tool.protocol-kit.diff] ignore_file).")
@click.option("--require-version-bump", is_flag=True, default=None,
              help="Report DF501 when the plan's version does not grow as its changes need: major (MODEL) for "
                   "changes that break producers, at least minor otherwise.")
@click.option("--changelog", is_flag=True, help="Print the changes as Markdown release notes instead.")
@report_options
def command(plans: tuple[Path, ...], against: str | None, renames: bool | None, fail_on: str | None,
            ignore_file: Path | None, require_version_bump: bool | None, changelog: bool,
            output: ReportOptions) -> int:
    """Compare two versions of a tracking plan: OLD NEW (YAML, xlsx, csv or a
    compiled schemas folder, in any mix), or PLAN... --against REF for the
    plan as it is at a git revision.

    Each change is a finding with a DF code (see `protocol-kit explain`),
    located in the new plan (removals in the old one, or with --against at
    what still holds them in the new plan) and graded for
    producers (events sent today now fail validation) and consumers (models
    built on the old plan may break). Exit codes: 0 nothing at or above
    --fail-on, 1 such changes, 2 usage error or unreadable plan.
    """
    if output.fail_on_new:
        raise click.UsageError("diff compares two plans itself: accept known changes with --ignore-file "
                               "instead of --fail-on-new")
    settings = diff_settings(load_config())
    options = DiffOptions(ignore=ignore_file or settings.ignore_file or (),
                          require_version_bump=settings.require_version_bump if require_version_bump is None
                          else require_version_bump,
                          renames=settings.renames if renames is None else renames)
    results, inputs = run_diffs(plans, against, options)
    if changelog:
        sys.stdout.write(changelogs(results))
        return CLEAN
    emit(from_diffs(results, inputs=inputs), output, fail_on="never")
    gate = fail_on or settings.fail_on
    return FINDINGS if any(result.fails(gate) for result in results) else CLEAN
