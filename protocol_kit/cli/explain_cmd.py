"""protocol-kit explain: what a finding code means and how to fix it."""
from __future__ import annotations

import click

from protocol_kit import codes
from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.codes_doc import explain
from protocol_kit.suggest import did_you_mean


@click.command("explain", short_help=short_help("explain"))
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every code with its name and summary.")
def command(code: str | None, show_all: bool) -> int:
    """Explain finding CODE (such as EV003 or its name, missing-required-property)."""
    if show_all or code is None:
        for entry in codes.CODES.values():
            click.echo(f"{entry.code:<7} {entry.name:<34} {entry.summary}")
        return CLEAN
    entry = codes.CODES.get(code.upper()) or codes.by_name(code.lower())
    if entry is None:
        names = [*codes.CODES, *(c.name for c in codes.CODES.values())]
        hint = did_you_mean(code, names, otherwise="; `protocol-kit explain --all` lists them")
        raise click.UsageError(f"unknown code '{code}'{hint}")
    click.echo(explain(entry))
    return CLEAN
