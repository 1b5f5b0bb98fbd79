"""Reports over violations: one :class:`ReportData`, one module per output format.

>>> from protocol_kit.report import from_violations, render
>>> text = render("markdown", from_violations("lint", []))
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from protocol_kit.lazy import lazy_exports

if TYPE_CHECKING:
    from protocol_kit.report.data import DigestRow, EventCount, ReportData, Summary, digest, from_violations
    from protocol_kit.report.registry import FORMATS, Format, render

_EXPORTS = {
    "DigestRow": "data",
    "EventCount": "data",
    "FORMATS": "registry",
    "Format": "registry",
    "ReportData": "data",
    "Summary": "data",
    "digest": "data",
    "from_violations": "data",
    "render": "registry",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = ["DigestRow", "EventCount", "FORMATS", "Format", "ReportData", "Summary", "digest", "from_violations",
           "render"]
