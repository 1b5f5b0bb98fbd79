"""protocol-kit explain: what a finding code means and how to fix it."""
from __future__ import annotations

import click

from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import usage_errors
from protocol_kit.commands.explain_command import code_list, explain


@click.command("explain", short_help=short_help("explain"))
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every code with its name and summary.")
def command(code: str | None, show_all: bool) -> int:
    """Explain finding CODE (such as EV003 or its name, missing-required-property)."""
    if show_all or code is None:
        for line in code_list():
            click.echo(line)
        return CLEAN
    with usage_errors():
        click.echo(explain(code))
    return CLEAN
