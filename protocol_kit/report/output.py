"""Render report data and write it where it was asked for: one function for every command."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

from protocol_kit.errors import OutputError
from protocol_kit.outputs import write_file
from protocol_kit.report import registry
from protocol_kit.report.data import ReportData
from protocol_kit.report.outgoing import outgoing


class Terminal(NamedTuple):
    """How text output should look where it is shown: ``width`` None shortens nothing (files, pipes)."""

    width: int | None = None
    color: bool = False


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What to produce from a run: one format on stdout, any number of files, a baseline in and out."""

    format: str = "text"
    reports: tuple[tuple[str, Path], ...] = ()
    baseline: Path | None = None
    write_baseline: Path | None = None
    fail_on_new: bool = False
    violations_out: Path | None = None

    @property
    def files(self) -> tuple[tuple[str, Path], ...]:
        extra = (("segment", self.violations_out),) if self.violations_out else ()
        return (*self.reports, *extra)


def prepare(data: ReportData, options: ReportOptions) -> ReportData:
    """``data`` made safe to show (see :mod:`protocol_kit.report.outgoing`) and compared with the baseline,
    when one is given."""
    data = outgoing(data)
    if options.baseline is None:
        return data
    from protocol_kit.report import baseline

    return baseline.compare(data, baseline.load(options.baseline))


def render(name: str, data: ReportData, terminal: Terminal = Terminal()) -> bytes:
    output = registry.render(name, data, width=terminal.width, color=terminal.color)
    return output if isinstance(output, bytes) else output.encode("utf-8")


def write_outputs(data: ReportData, options: ReportOptions, stdout: BinaryIO, terminal: Terminal) -> list[Path]:
    """Render ``options.format`` to ``stdout``, every requested file, and the baseline; the files written."""
    try:
        stdout.write(render(options.format, data, terminal))
        stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:  # closed stdout, or redirected to a full disk
        raise OutputError(f"cannot write <stdout>: {error.strerror or error}") from None
    written = []
    for name, path in options.files:
        _write(path, render(name, data))
        written.append(path)
    if options.write_baseline:
        from protocol_kit.report import baseline

        _write(options.write_baseline, baseline.dumps(data).encode("utf-8"))
        written.append(options.write_baseline)
    return written


def _write(path: Path, content: bytes) -> None:
    """Written whole or not at all (see :mod:`protocol_kit.outputs`); a missing folder is created."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    write_file(path, content)
