"""``json``: ``{"summary": {...}, "digest": [...], "violations": [...]}`` (see ReportData.to_dict)."""
from __future__ import annotations

from protocol_kit.report.data import ReportData
from protocol_kit.report.jsontext import dumps


def render(data: ReportData) -> str:
    return dumps(data.to_dict(), indent=True) + "\n"
