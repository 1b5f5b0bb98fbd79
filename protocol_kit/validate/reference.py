"""The reference validator: python-jsonschema, for detailed, human-quality violations.

Two keywords differ from the stock Draft 2020-12 validator, neither changing
what is valid: ``required`` reports each missing property at its own path
(``/properties/total`` rather than the object holding it), and the
``deprecated`` annotation reports the use of a deprecated event or property
(a warning, EV012).
"""
from __future__ import annotations

from typing import Any, Iterator

from jsonschema import Draft202012Validator, ValidationError, validators

from protocol_kit.validate.formats import format_checker


def _required(validator, required: list[str], instance: Any, schema: dict) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for name in required:
        if name not in instance:
            yield ValidationError(f"{name!r} is a required property", path=[name])


def _deprecated(validator, deprecated: bool, instance: Any, schema: dict) -> Iterator[ValidationError]:
    if deprecated is True:
        yield ValidationError("deprecated")


_Reference = validators.extend(Draft202012Validator, {"required": _required, "deprecated": _deprecated})


def reference_validator(schema: dict) -> Draft202012Validator:
    return _Reference(schema, format_checker=format_checker())


def stock_validator(schema: dict) -> Draft202012Validator:
    """python-jsonschema exactly as users run it, with the shared format definitions."""
    return Draft202012Validator(schema, format_checker=format_checker())
