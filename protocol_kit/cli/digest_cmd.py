"""protocol-kit digest: what is new in a time window across saved validation results."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES
from protocol_kit.cli.main import short_help
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.commands.digest_command import DigestOptions, digest
from protocol_kit.report.output import ReportOptions
from protocol_kit.report.window import parse_time, parse_window


@click.command("digest", short_help=short_help("digest"))
@click.argument("results", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--since", help="Start of the window (ISO 8601, such as 2026-01-05T00:00:00Z).")
@click.option("--window", default="24h", show_default=True, help="Length of the window before --now (48h, 7d...).")
@click.option("--now", "now_text", help="End of the window (ISO 8601; default: the current time).")
@report_options
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default="error", show_default=True,
              help="Lowest severity of a problem new in the window that makes the exit code 1.")
def command(results: tuple[Path, ...], since: str | None, window: str, now_text: str | None,
            output: ReportOptions, fail_on: str) -> int:
    """Summarise saved RESULTS (`protocol-kit validate --format json` files)
    over a time window, like a daily digest: each problem is new in the
    window or was seen before it; problems seen before and not in the
    window are listed as fixed.

    A result is placed in time by when it was produced (its summary's
    `created`, else the file's modification time): the window selects whole
    results, since violations carry no event timestamp.
    """
    if output.baseline:
        raise click.UsageError("digest compares with the results before the window; --baseline does not apply")
    now = parse_time(now_text) if now_text else None
    options = DigestOptions(since=parse_time(since)) if since else DigestOptions(window=parse_window(window))
    options = replace(options, now=now)
    return emit(digest(results, options), replace(output, fail_on_new=True), fail_on=fail_on)
