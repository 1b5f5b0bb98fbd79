"""protocol-kit infer: a draft tracking plan from observed events, and what in them needs a decision."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import usage_errors
from protocol_kit.cli.progress import event_counter
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.commands.infer_command import PLAN_FORMATS, Conventions, DraftOptions, conventions_of, infer
from protocol_kit.config import load_config
from protocol_kit.errors import OptionsError
from protocol_kit.report.output import ReportOptions


def _conventions(ctx: click.Context, param: click.Parameter, value: str | None) -> Conventions | None:
    if value is None:
        return None
    try:
        return conventions_of(value)
    except OptionsError as error:
        raise click.BadParameter(str(error), ctx, param) from None


@click.command("infer", short_help=short_help("infer"))
@click.argument("events", nargs=-1, required=True)
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the draft plan (.yaml, .xlsx or .csv).")
@click.option("--format", "plan_format", type=click.Choice(PLAN_FORMATS),
              help="Format of the draft plan (default: from the --out suffix; added to --out when it has none).")
@click.option("--merge-into", type=click.Path(dir_okay=False, path_type=Path),
              help="An existing plan: keep it as it is, add only unplanned events and properties, "
                   "and report type conflicts with it.")
@click.option("--name", "plan_name", default="inferred", show_default=True, help="Name of the draft plan.")
@click.option("--required-ratio", type=click.FloatRange(0, 1),
              help="Share of payloads a property must be present in to be required (default: 0.98).")
@click.option("--format-ratio", type=click.FloatRange(0, 1),
              help="Share of non-null values that must have a format for the property to get it (default: 0.99).")
@click.option("--enum-max-values", type=click.IntRange(min=0),
              help="Most distinct values a string property may have to become an enum (default: 10).")
@click.option("--enum-min-count", type=click.IntRange(min=1),
              help="Times each value of an enum must have been seen (default: 5).")
@click.option("--bounds/--no-bounds", default=None,
              help="Enforce the observed minimum and maximum of numbers (default: reported only).")
@click.option("--conventions", callback=_conventions, metavar="EVENTS,PROPERTIES",
              help="Naming conventions to check names against, such as object_action_title,snake_case "
                   "(default: the ones most observed names follow).")
@report_options(format_flag="--report-format")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES),
              help="Lowest severity of finding that makes the exit code 1 (default: never).")
def command(events: tuple[str, ...], out: Path, plan_format: str | None, merge_into: Path | None,
            plan_name: str, required_ratio: float | None, format_ratio: float | None,
            enum_max_values: int | None, enum_min_count: int | None, bounds: bool | None,
            conventions: Conventions | None, output: ReportOptions, fail_on: str | None) -> int:
    """Infer a draft tracking plan from EVENTS (any input `validate` reads:
    JSON Lines, JSON, Segment batches, .gz, folders, - for stdin) and write it
    to --out, with the evidence as comments (YAML) and the findings that need
    a decision on stdout: mixed types, near-duplicate names, conventions,
    personal data. With --merge-into, the existing plan is kept and only what
    arrives unplanned is added and reported.

    Exit codes: 0 draft written (no finding at or above --fail-on), 1 findings,
    2 usage error or unreadable input.
    """
    options = DraftOptions.configured(
        load_config(), out=out, format=plan_format, merge_into=merge_into, fail_on=fail_on, plan_name=plan_name,
        conventions=conventions, required_ratio=required_ratio, format_ratio=format_ratio,
        enum_max_values=enum_max_values, enum_min_count=enum_min_count, bounds=bounds)
    with usage_errors(), event_counter("inferring") as progress:
        run = infer(events, options, progress=progress)
    return emit(run.report, output, fail_on=options.fail_on)
