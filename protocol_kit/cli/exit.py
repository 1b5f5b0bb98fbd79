"""The one place where results and errors become exit codes.

0: clean. 1: findings at or above the failure threshold. 2: usage,
configuration or input error (a plan that cannot be read, a missing file),
or an internal error (a bug: one line naming it, the traceback with
``--traceback`` or ``PROTOCOL_KIT_TRACEBACK=1``). 130: interrupted (ctrl-C).
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterable, Protocol

import click

from protocol_kit.errors import ProtocolKitError
from protocol_kit.violation import severity_rank

if TYPE_CHECKING:
    from protocol_kit.report.data import ReportData

CLEAN, FINDINGS, USAGE_ERROR = 0, 1, 2
INTERNAL_ERROR = USAGE_ERROR  # the contract has three codes; the message tells a bug from bad input
INTERRUPTED, TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as shells report them
TRACEBACK_ENV = "PROTOCOL_KIT_TRACEBACK"
INTERRUPTED_LINE = "interrupted: no output was written or replaced"


class InternalError(Exception):
    """An unexpected exception in a command: a bug of protocol-kit, not a problem of its inputs."""

    def __init__(self, error: BaseException, *, show_traceback: bool = False):
        super().__init__(str(error))
        self.error = error
        self.show_traceback = show_traceback or traceback_wanted()

    def line(self) -> str:
        from protocol_kit import __version__

        message = str(self.error).strip().splitlines()
        what = type(self.error).__name__ + (f": {message[0]}" if message else "")
        hint = "" if self.show_traceback else f"; rerun with --traceback (or {TRACEBACK_ENV}=1) to see where"
        return f"internal error: {what} (protocol-kit {__version__}{hint})"


class Interrupted(Exception):
    """The user pressed ctrl-C during a command."""


def traceback_wanted() -> bool:
    return os.environ.get(TRACEBACK_ENV, "") not in ("", "0")
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
    except InternalError as error:
        return internal_error(error)
    except (Interrupted, KeyboardInterrupt):
        click.echo(INTERRUPTED_LINE, err=True)
        return INTERRUPTED
    except click.exceptions.Abort as abort:
        if isinstance(abort.__cause__ or abort.__context__, KeyboardInterrupt):  # while click parsed the command line
            click.echo(INTERRUPTED_LINE, err=True)
            return INTERRUPTED
        click.echo("Aborted.", err=True)
        return USAGE_ERROR
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
    except Exception as error:  # outside a command: while loading one, or showing help
        return internal_error(InternalError(error))
    return result if isinstance(result, int) else CLEAN


def internal_error(error: InternalError) -> int:
    """One line on stderr (after the traceback when asked for); the exit code."""
    if error.show_traceback:
        import traceback

        click.echo("".join(traceback.format_exception(error.error)).rstrip(), err=True)
    click.echo(error.line(), err=True)
    return INTERNAL_ERROR
