"""``import``: another tool's tracking plan read into the plan model and written as a plan file, with a
report of what could not be mapped as it was (IM codes) and lint's findings on the plan."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from protocol_kit.errors import InputError
from protocol_kit.plan.export import export_plan
from protocol_kit.report import ReportData, from_violations
from protocol_kit.report.paths import display_path
from protocol_kit.vendors import FORMATS, ImportResult, import_plan

__all__ = ["FORMATS", "ImportOptions", "ImportRun", "import_from"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportOptions:
    out: Path  # the plan file to write (YAML)
    format: str | None = None  # a name of protocol_kit.vendors.FORMATS; default: detected from the content
    select: str | None = None  # the plan to import when the sources hold several


@dataclass(frozen=True, slots=True)
class ImportRun:
    result: ImportResult  # the plan, the format read, the files read, the findings
    written: tuple[Path, ...]
    report: ReportData

    @property
    def counts(self) -> dict[str, int]:
        return self.result.counts


def import_from(sources: Iterable[Path | str], options: ImportOptions) -> ImportRun:
    """Import the plan in ``sources`` (files or folders) and write it to ``options.out``.

    A source file is never overwritten (:class:`~protocol_kit.errors.InputError`, nothing written).
    """
    result = import_plan([Path(s) for s in sources], format=options.format, select=options.select, lint=True)
    if options.out.resolve() in {Path(file).resolve() for file in result.files}:
        raise InputError(f"refusing to overwrite {display_path(options.out)}, one of the files imported; "
                         "choose another file with --out")
    written = tuple(export_plan(result.plan, options.out, format="yaml"))
    report = from_violations("import", [*result.findings, *result.lint], inputs=[display_path(f) for f in result.files],
                             plan=result.plan.name, plan_version=result.plan.version, totals=result.counts)
    return ImportRun(result=result, written=written, report=report)
