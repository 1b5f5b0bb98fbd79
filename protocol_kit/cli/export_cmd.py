"""protocol-kit export: a plan as a spreadsheet data dictionary (or YAML)."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.options import display_path, plan_identity_options
from protocol_kit.errors import InputError
from protocol_kit.plan import load_plan
from protocol_kit.plan.export import EXPORTERS, export_plan
from protocol_kit.vendors import FORMATS as VENDOR_FORMATS


@click.command("export")
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
    loaded = load_plan(plan, name=plan_name, version=plan_version)
    if vendor_format is not None:
        return _export_to_vendor(loaded, plan, vendor_format, out)
    out = out or plan.with_suffix(f".{output_format}")
    if out.resolve() == plan.resolve():
        raise InputError("refusing to overwrite the plan itself; choose another file with --out")
    for written in export_plan(loaded, out, format=output_format):
        click.echo(f"written {display_path(written)}")
    return CLEAN


def _export_to_vendor(loaded, plan: Path, vendor_format: str, out: Path | None) -> int:
    """Write the plan in another tool's format; what that format cannot hold is listed (IM003, IM004)."""
    from protocol_kit.vendors import export_plan as export_to

    if out is None:
        raise InputError(f"--to {vendor_format} needs --out FILE (or folder)")
    if out.resolve() == plan.resolve():
        raise InputError("refusing to overwrite the plan itself; choose another file with --out")
    result = export_to(loaded, out, format=vendor_format)
    for finding in result.findings:
        where = f" ({finding.event})" if finding.event else ""
        click.echo(f"{finding.code} {finding.name}{where}: {finding.message}", err=True)
    for written in result.files:
        click.echo(f"written {display_path(written)}")
    return CLEAN
