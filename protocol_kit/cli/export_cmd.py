"""protocol-kit export: a plan as a spreadsheet data dictionary (or YAML)."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import display_path, plan_identity_options
from protocol_kit.commands.export_command import EXPORTERS, VENDOR_FORMATS, ExportOptions, export


@click.command("export", short_help=short_help("export"))
@click.argument("plan", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(sorted(EXPORTERS)), default="xlsx",
              show_default=True, help="Output format.")
@click.option("--to", "vendor_format", type=click.Choice(sorted(VENDOR_FORMATS)),
              help="Write the plan in another tool's format instead (Segment, RudderStack, mParticle, Iglu...).")
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="File (or folder, for folder-shaped formats) to write (default: PLAN with the format's suffix).")
@plan_identity_options
def command(plan: Path, output_format: str, vendor_format: str | None, out: Path | None, plan_name: str | None,
            plan_version: str | None) -> int:
    """Write PLAN (YAML, xlsx, csv) as a data dictionary: an xlsx workbook
    with an Events sheet (one row per property) and a Plan sheet, a csv file
    with a .meta.yaml sidecar, or YAML. Loading the output gives back the
    same plan.
    """
    options = ExportOptions(format=output_format, vendor=vendor_format, out=out, plan_name=plan_name,
                            plan_version=plan_version)
    run = export(plan, options)
    for finding in run.findings:
        where = f" ({finding.event})" if finding.event else ""
        click.echo(f"{finding.code} {finding.name}{where}: {finding.message}", err=True)
    for written in run.files:
        click.echo(f"written {display_path(written)}")
    return CLEAN

