"""Options and helpers shared by several commands."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

import click

from protocol_kit.cli.exit import CLEAN, FINDINGS
from protocol_kit.errors import OptionsError
from protocol_kit.report.paths import display_path  # noqa: F401 (commands import it from here)

if TYPE_CHECKING:
    from protocol_kit.commands.compile_command import FileChange


@contextmanager
def usage_errors() -> Iterator[None]:
    """Options the library refuses together, shown as click shows usage errors (with the usage line)."""
    try:
        yield
    except OptionsError as error:
        raise click.UsageError(str(error)) from None


@contextmanager
def showing_plan_errors() -> Iterator[None]:
    """A plan refused for its load errors: each error on stderr, then the refusal (exit 2)."""
    from protocol_kit.commands.compile_command import PlanNotCompiled

    try:
        yield
    except PlanNotCompiled as refused:
        for finding in refused.findings:
            click.echo(f"{finding.source}: {finding.code} {finding.message}", err=True)
        raise


def plans_argument(func):
    return click.argument("plans", nargs=-1, type=click.Path(path_type=Path))(func)


def plan_identity_options(func):
    """``--plan-name`` and ``--plan-version``: for plans that do not say (a csv plan without its sidecar)."""
    func = click.option("--plan-version", metavar="VERSION",
                        help="The plan's version, replacing what the plan file says.")(func)
    return click.option("--plan-name", metavar="NAME",
                        help="The plan's name, replacing what the plan file says (default for csv and xlsx "
                             "plans without one: the file name).")(func)



def show_stale(changes: Sequence[FileChange], *, what: str, command: str, up_to_date: str) -> int:
    """The ``--check`` report of generated files: one line per missing or stale file, exit 1 when any."""
    for change in changes:
        click.echo(f"{change.state}: {display_path(change.path)}")
    if changes:
        click.echo(f"{len(changes)} {what} file(s) out of date; run `protocol-kit {command}`", err=True)
        return FINDINGS
    click.echo(up_to_date, err=True)
    return CLEAN
