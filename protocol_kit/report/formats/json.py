"""``json``: ``{"summary": {...}, "digest": [...], "violations": [...]}`` (see ReportData.to_dict)."""
from __future__ import annotations

import json

from protocol_kit.report.data import ReportData


def render(data: ReportData) -> str:
    return json.dumps(data.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n"
