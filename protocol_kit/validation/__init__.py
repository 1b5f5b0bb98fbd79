"""Validate events against compiled tracking plans, enforce the plan, report what was found."""
from typing import TYPE_CHECKING

from protocol_kit.lazy import lazy_exports

if TYPE_CHECKING:
    from protocol_kit.validation.api import Validator, load_plan, validate
    from protocol_kit.validation.report import DigestRow, EventResult, Outcomes, Summary, ValidationReport

_EXPORTS = {
    "DigestRow": "report",
    "EventResult": "report",
    "Outcomes": "report",
    "Summary": "report",
    "ValidationReport": "report",
    "Validator": "api",
    "load_plan": "api",
    "validate": "api",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = ["DigestRow", "EventResult", "Outcomes", "Summary", "ValidationReport", "Validator", "load_plan",
           "validate"]
