"""``jsonl``: one violation per line, the documented fields of ``Violation.to_dict()``."""
from __future__ import annotations

import json

from protocol_kit.report.data import ReportData


def render(data: ReportData) -> str:
    return "".join(json.dumps(v.to_dict(), ensure_ascii=False, default=str) + "\n" for v in data.violations)
