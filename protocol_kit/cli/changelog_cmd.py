"""protocol-kit changelog: the changes between two plan versions as Markdown release notes."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from protocol_kit.cli.diff_cmd import comparison_options
from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import usage_errors
from protocol_kit.commands.diff_command import CompareOptions, changelog
from protocol_kit.config import load_config


@click.command("changelog", short_help=short_help("changelog"))
@comparison_options
def command(plans: tuple[Path, ...], against: str | None, renames: bool | None) -> int:
    """Print what changed between OLD and NEW plans (or PLAN... --against REF)
    as Markdown to paste into release notes: the plan's defaults, common
    fields, calls, then new, removed and changed events with their
    properties. The same comparison as `protocol-kit diff`, without severities.
    """
    options = CompareOptions.configured(load_config(), against=against, renames=renames)
    with usage_errors():
        sys.stdout.write(changelog(plans, options).markdown)
    return CLEAN
