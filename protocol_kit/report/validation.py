"""Report data for a validation run (:class:`~protocol_kit.validation.report.ValidationReport`).

The validator counts every violation into its summary and digest and keeps a
capped list; the report data carries them over as they are, with the fields of
the run's one JSON shape (``ValidationReport.run_fields``), so that
``--format json`` and ``ValidationReport.to_dict()`` print the same document.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from protocol_kit.report.data import ReportData

if TYPE_CHECKING:
    from protocol_kit.validation.report import ValidationReport


def from_validation(report: "ValidationReport", *, inputs: tuple[str, ...] = (), plan_version: str | None = None,
                    created: str | None = None) -> ReportData:
    return ReportData(**report.run_fields(inputs=inputs, plan_version=plan_version, created=created))
