"""Output formats of validation reports: one small module per format, registered by name.

Each module defines ``render(report, *, width) -> str`` over a
:class:`~protocol_kit.validation.report.ValidationReport`. Modules are imported
only when their format is asked for.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from protocol_kit.validation.report import ValidationReport

FORMATS = {
    "text": "protocol_kit.report.text",
    "json": "protocol_kit.report.json_format",
}


def render(report: "ValidationReport", output_format: str, *, width: int = 100) -> str:
    return importlib.import_module(FORMATS[output_format]).render(report, width=width)
