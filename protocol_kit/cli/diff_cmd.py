"""protocol-kit diff: compare two versions of a tracking plan and grade every change."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN, FINDINGS
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import usage_errors
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.commands.diff_command import FAIL_ON, CompareOptions, changelog as write_changelog, diff
from protocol_kit.config import load_config
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
    options = CompareOptions.configured(load_config(), against=against, renames=renames, ignore_file=ignore_file,
                                        require_version_bump=require_version_bump, fail_on=fail_on)
    with usage_errors():
        if changelog:
            sys.stdout.write(write_changelog(plans, options).markdown)
            return CLEAN
        run = diff(plans, options)
    emit(run.report, output, fail_on="never")
    return FINDINGS if run.failed else CLEAN
