"""The one place where results and errors become exit codes.

0: clean. 1: findings at or above the failure threshold. 2: usage,
configuration or input error (a plan that cannot be read, a missing file).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Protocol

import click

from protocol_kit.errors import ProtocolKitError
from protocol_kit.violation import severity_rank

if TYPE_CHECKING:
    from protocol_kit.report.data import ReportData

CLEAN, FINDINGS, USAGE_ERROR = 0, 1, 2
INTERRUPTED, TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as shells report them
FAIL_ON_CHOICES = ("info", "warning", "error", "never")


class Graded(Protocol):
    severity: str


def exit_code_for(violations: Iterable[Graded], fail_on: str = "error") -> int:
    """1 when any violation (or digest row) is at or above ``fail_on`` (``never``: always 0)."""
    if fail_on == "never":
        return CLEAN
    threshold = severity_rank(fail_on)
    return FINDINGS if any(severity_rank(v.severity) >= threshold for v in violations) else CLEAN


def exit_code_for_report(report: "ReportData", fail_on: str = "error", *, new_only: bool = False) -> int:
    """The exit code for a report: from every problem in its digest, or only those new since the baseline."""
    rows = report.digest
    if new_only and report.comparison is not None:
        rows = tuple(row for row in rows if report.comparison.status(row) == "new")
    return exit_code_for(rows, fail_on)


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like ctrl-C, so that temporary outputs are removed and workers stopped."""


def on_terminate(signum, frame) -> None:
    raise Terminated()


def run_cli(group: click.Group, args: list[str] | None = None) -> int:
    """Run the group, turning tool errors into one line on stderr and exit code 2."""
    try:
        result = group.main(args=args, standalone_mode=False)
    except ProtocolKitError as error:
        click.echo(f"error: {error}", err=True)
        return USAGE_ERROR
    except click.exceptions.Abort as abort:
        if isinstance(abort.__context__, KeyboardInterrupt):
            click.echo("interrupted: no output was written or replaced", err=True)
            return INTERRUPTED
        click.echo("Aborted.", err=True)
        return USAGE_ERROR
    except KeyboardInterrupt:
        click.echo("interrupted: no output was written or replaced", err=True)
        return INTERRUPTED
    except Terminated:
        click.echo("terminated: no output was written or replaced", err=True)
        return TERMINATED
    except click.ClickException as error:
        error.show()
        return USAGE_ERROR
    except click.exceptions.Exit as done:
        return done.exit_code
    except BrokenPipeError:
        return CLEAN
    return result if isinstance(result, int) else CLEAN
