"""protocol-kit validate: check events against a tracking plan and enforce it."""
from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES
from protocol_kit.cli.main import short_help
from protocol_kit.cli.progress import event_counter
from protocol_kit.cli.options import usage_errors
from protocol_kit.cli.report_options import emit, report_options, report_outputs
from protocol_kit.commands.validate_command import (
    INPUT_FORMATS, MODES, PII_MODES, VERSION_FALLBACKS, ValidateOptions, validate_settings, validate_stream,
)
from protocol_kit.config import load_config
from protocol_kit.report.output import ReportOptions


@click.command("validate", short_help=short_help("validate"))
@click.argument("events", nargs=-1, required=True)
@click.option("--plan", "plan_path", type=click.Path(path_type=Path),
              help="Plan file (YAML, xlsx, csv) or compiled schemas folder "
                   "(default: [tool.protocol-kit.validate] plan, else the one configured plan).")
@click.option("--mode", type=click.Choice(MODES), help="report: change nothing (default). block: pass "
              "conforming events to --valid-out, drop the rest. quarantine: the rest go to --quarantine-out.")
@click.option("--valid-out", type=click.Path(dir_okay=False, path_type=Path),
              help="JSON Lines file for conforming events (block and quarantine modes).")
@click.option("--quarantine-out", type=click.Path(dir_okay=False, path_type=Path),
              help="JSON Lines file for nonconforming events with their violations (quarantine mode).")
@click.option("--append", is_flag=True,
              help="Add to --valid-out and --quarantine-out instead of replacing them (on success only).")
@click.option("--omit-unplanned-properties", is_flag=True,
              help="Remove unplanned properties from events with no other error, so they pass.")
@click.option("--pii", type=click.Choice(PII_MODES),
              help="Personal data the plan does not declare (PII001): flag it (default), redact or hash it "
                   "in passed events, block the event, or do not look for it.")
@click.option("--event-version", type=click.Choice(VERSION_FALLBACKS),
              help="Which version of a versioned event checks payloads that name none in "
                   "context.protocols.event_version (default: oldest).")
@report_options
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES),
              help="Lowest severity that makes the exit code 1 (default: error).")
@click.option("--fail-fast", is_flag=True, help="Report the violations of each event only up to its first error.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: 1).")
@click.option("--max-violations", type=click.IntRange(min=0),
              help="Violations listed in full (all are counted; default: 1000).")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
              help="What the SDK sent: detected per file or line by content (auto), or the one given.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the plans read in .protocol-kit-cache/.")
def command(events: tuple[str, ...], plan_path: Path | None, mode: str | None, valid_out: Path | None,
            quarantine_out: Path | None, append: bool, omit_unplanned_properties: bool, pii: str | None,
            event_version: str | None, output: ReportOptions,
            fail_on: str | None, fail_fast: bool, jobs: int | None, max_violations: int | None,
            input_format: str, no_cache: bool) -> int:
    """Validate EVENTS against a tracking plan.

    EVENTS are JSON Lines files (.jsonl, .ndjson), JSON files (.json: one
    event, an array, or a Segment batch), gzip-compressed files (.gz),
    folders of such files, or - for stdin. Quarantine files written by this
    command can be fed back in once fixed. What analytics SDKs send is read
    too, a body per file or per line: Segment and RudderStack batches,
    PostHog, Mixpanel (data= form bodies), Amplitude and Snowplow payloads.

    Prints a digest (one row per event, kind of problem and path) and a
    summary. Outputs are written to a temporary file next to them and put in
    place when the run completes: an interrupted run leaves them as they were.
    Exit codes: 0 no violation at or above --fail-on, 1 violations,
    2 usage error, unreadable plan, missing or unwritable file.
    """
    config = load_config()
    options = ValidateOptions.configured(
        config, plan=plan_path, mode=mode, valid_out=valid_out, quarantine_out=quarantine_out,
        omit_unplanned=omit_unplanned_properties or None, fail_fast=fail_fast or None, jobs=jobs,
        max_violations=max_violations, pii=pii, event_version=event_version, input_format=input_format,
        append=append or None, cache=False if no_cache else None)
    with ExitStack() as stack:
        progress = stack.enter_context(event_counter("validating"))
        with usage_errors():
            run = validate_stream(events, options, progress=progress, also_written=report_outputs(output),
                                  also_read=[output.baseline] if output.baseline else [])
    return emit(run.data, output, fail_on=fail_on or validate_settings(config).fail_on)
