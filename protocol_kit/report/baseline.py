"""A run's baseline, and a later run compared with one (the file format: :mod:`protocol_kit.baseline`).

A run compared with a baseline has each problem of its digest marked new or
still present, and the baseline's problems that are gone listed as fixed.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from protocol_kit import baseline as baseline_file
from protocol_kit.baseline import FIELDS, Baseline, load  # noqa: F401 (read by the report layer from here)
from protocol_kit.report.data import Comparison, ReportData


def of_run(data: ReportData) -> Baseline:
    """The baseline of a run: its digest's signatures with their counts."""
    return baseline_file.from_rows(data.digest, tool=data.tool)


def entries(data: ReportData) -> list[dict[str, Any]]:
    """The run's signatures with their counts, sorted."""
    return [entry.to_dict() for entry in of_run(data).entries]


def dumps(data: ReportData) -> str:
    return baseline_file.dumps(of_run(data))


def write(data: ReportData, path: Path) -> None:
    baseline_file.write(of_run(data), path)


def compare(data: ReportData, baseline: Baseline) -> ReportData:
    """``data`` with each digest row classified against ``baseline``."""
    before = baseline.signatures
    now = {row.signature for row in data.digest}
    fixed = tuple(entry.to_dict() for entry in baseline.entries if entry.signature not in now)
    return replace(data, comparison=Comparison(new=frozenset(now - before), present=frozenset(now & before),
                                               fixed=fixed))
