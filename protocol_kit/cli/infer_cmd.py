"""protocol-kit infer: a draft tracking plan from observed events, and what in them needs a decision."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES
from protocol_kit.cli.main import short_help
from protocol_kit.cli.progress import event_counter
from protocol_kit.cli.options import display_path
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.config import load_config
from protocol_kit.events import read_chunks
from protocol_kit.infer import PLAN_FORMATS, InferOptions, infer_plan, write_draft
from protocol_kit.infer.settings import infer_settings
from protocol_kit.pii import rules_from_config
from protocol_kit.plan import load_plan
from protocol_kit.plan.model import Conventions
from protocol_kit.plan.naming import CONVENTIONS
from protocol_kit.report.infer import from_inference
from protocol_kit.report.output import ReportOptions

SUFFIX_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx", ".csv": "csv"}


def _conventions(ctx: click.Context, param: click.Parameter, value: str | None) -> Conventions | None:
    if value is None:
        return None
    events, comma, properties = value.partition(",")
    if not comma:
        raise click.BadParameter(f"'{value}' is not EVENTS,PROPERTIES (such as object_action_title,snake_case)",
                                 ctx, param)
    for style in (events, properties):
        if style not in CONVENTIONS:
            raise click.BadParameter(f"unknown convention '{style}'; choose from {', '.join(CONVENTIONS)} "
                                     "as EVENTS,PROPERTIES (such as object_action_title,snake_case)", ctx, param)
    return Conventions(event_names=events, property_names=properties)


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
    out, plan_format = _destination(out, plan_format)
    if merge_into is not None and out.resolve() == merge_into.resolve():
        raise click.UsageError("refusing to overwrite the plan merged into (its comments and layout would be "
                               "lost): write the merged plan to another file with --out and review the difference")
    config = load_config()
    settings = infer_settings(config)
    given = {"required_ratio": required_ratio, "format_ratio": format_ratio, "enum_max_values": enum_max_values,
             "enum_min_count": enum_min_count, "bounds": bounds}
    options = InferOptions(plan_name=plan_name, conventions=conventions,
                           **{key: getattr(settings, key) if value is None else value for key, value in given.items()},
                           merge_into=load_plan(merge_into) if merge_into else None,
                           pii_rules=rules_from_config(config.section("pii"), base_dir=config.root))
    with event_counter("inferring") as progress:
        result = infer_plan(read_chunks(events), options, progress=progress)
    written, findings = write_draft(result, out, format=plan_format)
    data = from_inference(result, findings, inputs=events, written=[display_path(p) for p in written])
    return emit(data, output, fail_on=fail_on or settings.fail_on)


def _destination(out: Path, plan_format: str | None) -> tuple[Path, str]:
    """The draft's file and format: from the suffix of --out, or --format (whose suffix is added when --out
    has none); a draft is always written where it can be loaded back from."""
    by_suffix = SUFFIX_FORMATS.get(out.suffix.lower())
    if by_suffix is None and out.suffix:
        raise click.UsageError(f"--out {out}: a plan file ends in .yaml, .yml, .xlsx or .csv")
    if by_suffix is None:
        return out.with_suffix(f".{plan_format or 'yaml'}"), plan_format or "yaml"
    if plan_format is not None and plan_format != by_suffix:
        raise click.UsageError(f"--format {plan_format} does not match --out {out} ({by_suffix})")
    return out, by_suffix
