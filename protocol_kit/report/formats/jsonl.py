"""``jsonl``: one violation per line, the documented fields of ``Violation.to_dict()``."""
from __future__ import annotations

from protocol_kit.report.data import ReportData
from protocol_kit.report.jsontext import dumps


def render(data: ReportData) -> str:
    return "".join(dumps(v.to_dict()) + "\n" for v in data.violations)
