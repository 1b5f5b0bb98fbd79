"""protocol-kit import: read another tool's tracking plan into a plan file, with a report of what was mapped."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import display_path
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.commands.import_command import FORMATS, ImportOptions, import_from
from protocol_kit.report.output import ReportOptions


@click.command("import", short_help=short_help("import"))
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--from", "source_format", type=click.Choice(sorted(FORMATS)),
              help="The sources' format (default: detected from their content).")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The plan file to write (YAML).")
@click.option("--select", metavar="NAME", help="The plan to import when the sources hold several.")
@report_options
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default="never", show_default=True,
              help="Lowest severity of an import or lint finding that makes the exit code 1.")
def command(sources: tuple[Path, ...], source_format: str | None, out: Path, select: str | None,
            output: ReportOptions, fail_on: str) -> int:
    """Import the tracking plan in SOURCES (files or folders: a RudderStack project, an Iglu registry)
    from Segment, RudderStack, mParticle, Snowplow Iglu, Mixpanel, Avo or OpenTrackPlan, and write it as
    a plan file. The report lists what could not be mapped as it was (IM codes) and lint's findings on
    the imported plan, with naming conventions detected from the source.
    """
    run = import_from(sources, ImportOptions(out=out, format=source_format, select=select))
    for written in run.written:
        click.echo(f"written {display_path(written)} ({run.result.format}: {_counts(run.counts)})", err=True)
    return emit(run.report, output, fail_on=fail_on)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{value} {key}" for key, value in counts.items())
