"""Reports over violations: one :class:`ReportData`, one module per output format.

>>> from protocol_kit.report import from_violations, render
>>> text = render("markdown", from_violations("lint", []))
"""
from __future__ import annotations

from protocol_kit.report.data import DigestRow, EventCount, ReportData, Summary, digest, from_violations
from protocol_kit.report.registry import FORMATS, Format, render

__all__ = ["DigestRow", "EventCount", "FORMATS", "Format", "ReportData", "Summary", "digest", "from_violations",
           "render"]
