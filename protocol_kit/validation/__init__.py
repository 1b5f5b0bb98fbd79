"""Validate events against compiled tracking plans, enforce the plan, report what was found."""
from protocol_kit.validation.api import Validator, load_plan, validate
from protocol_kit.validation.report import DigestRow, EventResult, Outcomes, Summary, ValidationReport

__all__ = ["DigestRow", "EventResult", "Outcomes", "Summary", "ValidationReport", "Validator", "load_plan",
           "validate"]
