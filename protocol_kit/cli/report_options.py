"""The output options every command that reports violations shares, and the one function that honours them."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import BinaryIO

import click

from protocol_kit.cli.exit import exit_code_for_report
from protocol_kit.cli.options import display_path
from protocol_kit.errors import OutputError
from protocol_kit.outputs import check_outputs
from protocol_kit.report import FORMATS
from protocol_kit.report.data import ReportData
from protocol_kit.report.output import ReportOptions, Terminal, prepare, write_outputs


def _parse_reports(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[tuple[str, Path], ...]:
    parsed = []
    for value in values:
        name, sep, path = value.partition("=")
        if not sep or not path:
            raise click.BadParameter(f"'{value}' is not FORMAT=PATH (such as xlsx=report.xlsx)", ctx, param)
        if name not in FORMATS:
            raise click.BadParameter(f"unknown format '{name}'; choose from {', '.join(FORMATS)}", ctx, param)
        parsed.append((name, Path(path)))
    return tuple(parsed)


_OPTIONS = (
    click.option("--report", "reports", multiple=True, metavar="FORMAT=PATH", callback=_parse_reports,
                 help="Also write a report file, such as xlsx=out/report.xlsx (repeatable)."),
    click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
                 help="Compare with a baseline saved by --write-baseline: mark problems new or still present "
                      "and list fixed ones."),
    click.option("--fail-on-new", is_flag=True,
                 help="With --baseline: exit 1 only for new problems (at or above --fail-on)."),
    click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
                 help="Save this run's problem signatures as a baseline file."),
    click.option("--violations-out", type=click.Path(dir_okay=False, path_type=Path),
                 help="Write each violation as a Segment track event 'Violation Generated' (JSON Lines)."),
)


def report_options(command=None, *, default_format: str = "text", format_flag: str = "--format"):
    """Add the shared output options to a click command; it receives them as one ``output: ReportOptions``.

    Use as ``@report_options`` or ``@report_options(default_format="concise")``; ``format_flag`` names the
    option of the format printed on stdout where ``--format`` means something else (``infer``: the plan's).
    """
    if command is None:
        return functools.partial(report_options, default_format=default_format, format_flag=format_flag)

    @functools.wraps(command)
    def wrapper(*args, output_format, reports, baseline, fail_on_new, write_baseline, violations_out, **kwargs):
        if fail_on_new and baseline is None:
            raise click.UsageError("--fail-on-new needs --baseline FILE")
        output = ReportOptions(format=output_format, reports=reports, baseline=baseline,
                               write_baseline=write_baseline, fail_on_new=fail_on_new,
                               violations_out=violations_out)
        return command(*args, output=output, **kwargs)
    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return click.option(format_flag, "output_format", type=click.Choice(list(FORMATS)), default=default_format,
                        show_default=True, help="Format printed on stdout.")(wrapper)


def emit(data: ReportData, output: ReportOptions, *, fail_on: str, stdout: BinaryIO | None = None) -> int:
    """Show (on ``stdout``, default the process's) and write the report as asked, then return the exit code for it."""
    if stdout is None:
        if sys.stdout is None:  # started with stdout closed
            raise OutputError("cannot write <stdout>: it is closed")
        stdout = sys.stdout.buffer
    if FORMATS[output.format].binary and stdout.isatty():
        raise click.UsageError(f"{output.format} is a binary format: write it to a file with "
                               f"--report {output.format}=PATH")
    check_outputs(report_outputs(output), [*data.inputs, *filter(None, [output.baseline])])
    data = prepare(data, output)
    for path in write_outputs(data, output, stdout, terminal()):
        click.echo(f"wrote {display_path(path)}", err=True)
    return exit_code_for_report(data, fail_on, new_only=output.fail_on_new)


def report_outputs(output: ReportOptions) -> dict[str, Path]:
    """The files a run's report options write, named by their option."""
    named = {f"--report {name}={path}": path for name, path in output.files}
    if output.write_baseline:
        named["--write-baseline"] = output.write_baseline
    return named


def terminal() -> Terminal:
    """Colour only on a terminal without NO_COLOR; the terminal's width, or no truncation when piped."""
    if not sys.stdout.isatty():
        return Terminal()
    color = "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    import shutil  # a terminal only

    return Terminal(width=shutil.get_terminal_size().columns, color=color)

