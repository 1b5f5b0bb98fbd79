"""protocol-kit serve: a local collector that SDKs send to, checking every event against the plan on arrival."""
from __future__ import annotations

import ipaddress
import signal
import threading
from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import usage_errors
from protocol_kit.cli.report_options import emit, report_options
from protocol_kit.commands.serve_command import MODES, PII_MODES, VERSION_FALLBACKS, CollectorOptions, collector_plan
from protocol_kit.config import load_config
from protocol_kit.report.output import ReportOptions


def is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
SIZE = click.IntRange(min=1)


@click.command("serve", short_help=short_help("serve"))
@click.option("--plan", "plan_path", type=click.Path(path_type=Path),
              help="Plan file or compiled schemas folder (default: as for validate).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="Port to listen on (0: a free one).")
@click.option("--write-key", "write_keys", multiple=True, metavar="KEY",
              help="Accept only requests with this write key (repeatable); others get 401.")
@click.option("--mode", type=click.Choice(MODES), default="record", show_default=True,
              help="record: keep every event. enforce: conforming events to --valid-out, the rest to "
                   "--quarantine-out (dropped without it), as validate --mode block/quarantine.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Append every event received to this JSON Lines file (validate reads it back).")
@click.option("--valid-out", type=click.Path(dir_okay=False, path_type=Path),
              help="JSON Lines file for conforming events (enforce mode).")
@click.option("--quarantine-out", type=click.Path(dir_okay=False, path_type=Path),
              help="JSON Lines file for nonconforming events with their violations (enforce mode).")
@click.option("--max-event-bytes", type=SIZE, default=32 * 1024, show_default=True,
              help="Largest event accepted; a request holding a larger one gets 400.")
@click.option("--max-batch-bytes", type=SIZE, default=500 * 1024, show_default=True,
              help="Largest request body accepted (once decompressed); larger ones get 400.")
@click.option("--store-cap", type=SIZE, default=10_000, show_default=True,
              help="Events kept for the query API (the oldest are dropped from it, never from --out).")
@click.option("--pii", type=click.Choice(PII_MODES), help="Personal data the plan does not declare, as for validate.")
@click.option("--event-version", type=click.Choice(VERSION_FALLBACKS), help="As for validate.")
@report_options
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES),
              help="Lowest severity received that makes the exit code 1 on shutdown (default: error).")
def command(plan_path: Path | None, host: str, port: int, write_keys: tuple[str, ...], mode: str,
            out: Path | None, valid_out: Path | None, quarantine_out: Path | None, max_event_bytes: int,
            max_batch_bytes: int, store_cap: int, pii: str | None, event_version: str | None,
            output: ReportOptions, fail_on: str | None) -> int:
    """Collect the events SDKs send and check each one against the plan before answering.

    Point Segment, RudderStack, PostHog, Mixpanel, Amplitude or Snowplow
    clients at http://HOST:PORT (see docs/serve.md). The query API is under
    /pk/ (summary, events, wait, reset, digest); the live page is at /.
    On SIGINT or SIGTERM the files are flushed, the summary is printed and
    --report files are written. Exit codes: 0 no violation at or above
    --fail-on received, 1 violations, 2 usage error or unreadable plan.
    """
    from protocol_kit.serve import Checks, CollectorSettings, Files, Limits, running_collector

    with usage_errors():
        options = CollectorOptions.configured(load_config(), plan=plan_path, mode=mode, valid_out=valid_out,
                                              quarantine_out=quarantine_out, pii=pii, event_version=event_version)
    checks = Checks(pii=options.pii, pii_rules=options.pii_rules, salt=options.salt,
                    event_version=options.event_version)
    collector_settings = CollectorSettings(
        mode=mode, write_keys=frozenset(write_keys), store_cap=store_cap, checks=checks,
        limits=Limits(max_event_bytes=max_event_bytes, max_batch_bytes=max_batch_bytes),
        files=Files(out=out, valid_out=valid_out, quarantine_out=quarantine_out))
    if not is_loopback(host):
        click.echo(f"warning: {host} is not a loopback address: anyone who reaches it can read every payload "
                   "received through /pk/events", err=True)
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    with running_collector(collector_plan(options), collector_settings, host=host, port=port) as running:
        click.echo(f"protocol-kit serve: listening on {running.url} (plan {running.collector.checker.plan.name}); "
                   "Ctrl-C stops", err=True)
        while not stop.wait(0.5):
            pass
        click.echo("protocol-kit serve: stopping", err=True)
    return emit(running.collector.report_data(), output, fail_on=fail_on or options.fail_on)
