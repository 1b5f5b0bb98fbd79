"""``--format json``: ``{"summary": {...}, "digest": [...], "violations": [...]}``."""
from __future__ import annotations

import orjson

from protocol_kit.validation.report import ValidationReport


def render(report: ValidationReport, *, width: int = 100) -> str:
    return orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2).decode("utf-8")
