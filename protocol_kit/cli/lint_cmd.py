"""protocol-kit lint: check tracking plans themselves."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import plan_identity_options, plans_argument
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.commands.lint_command import LintOptions, lint
from protocol_kit.commands.plans import plan_paths
from protocol_kit.config import load_config
from protocol_kit.report.output import ReportOptions


@click.command("lint", short_help=short_help("lint"))
@plans_argument
@report_options
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@plan_identity_options
def command(plans: tuple[Path, ...], output: ReportOptions, fail_on: str, plan_name: str | None,
            plan_version: str | None) -> int:
    """Lint tracking PLANS (YAML, xlsx, csv): naming conventions, duplicate
    and near-duplicate events, conflicting property types, missing
    descriptions, contradictions, unknown or duplicate keys, and properties
    that look personal but have no `pii:` declaration.

    Each finding has a stable code (see `protocol-kit explain CODE`); select,
    ignore and re-grade codes under [tool.protocol-kit.lint] in pyproject.toml.
    """
    config = load_config()
    options = LintOptions.configured(config, plan_name=plan_name, plan_version=plan_version)
    return emit(lint(plan_paths(plans, config), options).report, output, fail_on=fail_on)
