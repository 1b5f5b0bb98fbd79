"""protocol-kit changelog: the changes between two plan versions as Markdown release notes."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from protocol_kit.cli.diff_cmd import comparison_options, run_diffs
from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.config import load_config
from protocol_kit.diff import DiffOptions
from protocol_kit.diff.changelog import changelogs
from protocol_kit.diff.settings import diff_settings


@click.command("changelog", short_help=short_help("changelog"))
@comparison_options
def command(plans: tuple[Path, ...], against: str | None, renames: bool | None) -> int:
    """Print what changed between OLD and NEW plans (or PLAN... --against REF)
    as Markdown to paste into release notes: the plan's defaults, common
    fields, calls, then new, removed and changed events with their
    properties. The same comparison as `protocol-kit diff`, without severities.
    """
    settings = diff_settings(load_config())
    results, _ = run_diffs(plans, against, DiffOptions(renames=settings.renames if renames is None else renames))
    sys.stdout.write(changelogs(results))
    return CLEAN
