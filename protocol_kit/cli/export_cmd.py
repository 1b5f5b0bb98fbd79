"""protocol-kit export: a plan as a spreadsheet data dictionary (or YAML)."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import display_path, plan_identity_options
from protocol_kit.commands.export_command import ExportOptions, export
from protocol_kit.plan.export import EXPORTERS


@click.command("export", short_help=short_help("export"))
@click.argument("plan", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(sorted(EXPORTERS)), default="xlsx",
              show_default=True, help="Output format.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: PLAN with the format's suffix).")
@plan_identity_options
def command(plan: Path, output_format: str, out: Path | None, plan_name: str | None,
            plan_version: str | None) -> int:
    """Write PLAN (YAML, xlsx, csv) as a data dictionary: an xlsx workbook
    with an Events sheet (one row per property) and a Plan sheet, a csv file
    with a .meta.yaml sidecar, or YAML. Loading the output gives back the
    same plan.
    """
    options = ExportOptions(format=output_format, out=out, plan_name=plan_name, plan_version=plan_version)
    for written in export(plan, options):
        click.echo(f"written {display_path(written)}")
    return CLEAN
