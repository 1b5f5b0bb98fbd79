"""protocol-kit validate: check events against a tracking plan and enforce it."""
from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES
from protocol_kit.cli.report_options import emit, report_options, report_outputs
from protocol_kit.config import load_config
from protocol_kit.errors import ConfigError
from protocol_kit.events import read_chunks
from protocol_kit.events.reader import expand_paths
from protocol_kit.outputs import SafeOutput, check_outputs
from protocol_kit.pii import rules_from_config
from protocol_kit.report.output import ReportOptions
from protocol_kit.report.validation import from_validation
from protocol_kit.validation import Validator, load_plan
from protocol_kit.validation.personal import PII_MODES, SALT_ENV, salt_from
from protocol_kit.validation.report import MODES
from protocol_kit.validation.settings import validate_settings


@click.command("validate")
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
@report_options
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES),
              help="Lowest severity that makes the exit code 1 (default: error).")
@click.option("--fail-fast", is_flag=True, help="Report the violations of each event only up to its first error.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: 1).")
@click.option("--max-violations", type=click.IntRange(min=0),
              help="Violations listed in full (all are counted; default: 1000).")
def command(events: tuple[str, ...], plan_path: Path | None, mode: str | None, valid_out: Path | None,
            quarantine_out: Path | None, append: bool, omit_unplanned_properties: bool, pii: str | None,
            output: ReportOptions,
            fail_on: str | None, fail_fast: bool, jobs: int | None, max_violations: int | None) -> int:
    """Validate EVENTS against a tracking plan.

    EVENTS are JSON Lines files (.jsonl, .ndjson), JSON files (.json: one
    event, an array, or a Segment batch), gzip-compressed files (.gz),
    folders of such files, or - for stdin. Quarantine files written by this
    command can be fed back in once fixed.

    Prints a digest (one row per event, kind of problem and path) and a
    summary. Outputs are written to a temporary file next to them and put in
    place when the run completes: an interrupted run leaves them as they were.
    Exit codes: 0 no violation at or above --fail-on, 1 violations,
    2 usage error, unreadable plan, missing or unwritable file.
    """
    config = load_config()
    settings = validate_settings(config)
    mode = mode or settings.mode
    _check_outputs(mode, valid_out, quarantine_out, omit_unplanned_properties)
    plan_path = plan_path or settings.plan
    if plan_path is None:
        several = " (several plans are configured)" if len(config.plans) > 1 else ""
        raise ConfigError(f"no plan given{several}: use --plan, or set [tool.protocol-kit.validate] plan "
                          "in pyproject.toml")
    pii = pii or settings.pii
    pii_table = config.section("pii")
    pii_rules = rules_from_config(pii_table, base_dir=config.root)
    salt = salt_from(pii_table) if pii == "hash" else None
    if pii == "hash" and not salt:
        raise click.UsageError(f"--pii hash needs a salt: set {SALT_ENV} or [tool.protocol-kit.pii] salt")
    validator = Validator(load_plan(plan_path), mode=mode, omit_unplanned=omit_unplanned_properties,
                          fail_fast=fail_fast, jobs=jobs or settings.jobs,
                          max_violations=settings.max_violations if max_violations is None else max_violations,
                          pii=pii, pii_rules=pii_rules, salt=salt)
    sources = expand_paths(events)
    streams = {name: path for name, path in (("valid_out", valid_out), ("quarantine_out", quarantine_out)) if path}
    check_outputs({**{f"--{name.replace('_', '-')}": path for name, path in streams.items()},
                   **report_outputs(output)}, [*sources, plan_path, *filter(None, [output.baseline])])
    inputs = read_chunks(sources, slices=validator.jobs > 1)
    with ExitStack() as files:
        outputs = {name: files.enter_context(SafeOutput(path, append=append)) for name, path in streams.items()}
        progress = files.enter_context(_Progress()) if sys.stderr.isatty() else None
        report = validator.run(inputs, progress=progress, **outputs)
    data = from_validation(report, inputs=events, plan_version=validator.plan.version)
    return emit(data, output, fail_on=fail_on or settings.fail_on)


def _check_outputs(mode: str, valid_out: Path | None, quarantine_out: Path | None, omit: bool) -> None:
    if mode == "report" and (valid_out or quarantine_out or omit):
        raise click.UsageError("report mode changes nothing: --valid-out, --quarantine-out and "
                               "--omit-unplanned-properties need --mode block or quarantine")
    if mode == "block" and quarantine_out:
        raise click.UsageError("block mode drops nonconforming events: use --mode quarantine to keep them")
    if mode == "quarantine" and not quarantine_out:
        raise click.UsageError("quarantine mode needs --quarantine-out FILE for the nonconforming events")


class _Progress:
    """A one-line event counter on stderr, redrawn at most five times a second."""

    def __init__(self) -> None:
        self.shown = 0.0

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self.shown >= 0.2:
            self.shown = now
            click.echo(f"\rvalidating: {done:,} events", nl=False, err=True)

    def __enter__(self) -> "_Progress":
        return self

    def __exit__(self, *exc) -> None:
        if self.shown:
            click.echo("\r\033[K", nl=False, err=True)
