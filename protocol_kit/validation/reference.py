"""The reference validator: python-jsonschema, the yardstick of the compiled one.

The tests check that the compiled validator (jsonschema-rs) and this one give
the same verdict and the same violations on every event. One keyword differs
from the stock Draft 2020-12 validator without changing what is valid:
``required`` reports each missing property at its own path
(``/properties/total`` rather than the object holding it), as jsonschema-rs
reports it.
"""
from __future__ import annotations

from typing import Any, Iterator

from jsonschema import Draft202012Validator, ValidationError, validators

from protocol_kit.validation.formats import format_checker


def _required(validator, required: list[str], instance: Any, schema: dict) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for name in required:
        if name not in instance:
            yield ValidationError(f"{name!r} is a required property", path=[name])


_Reference = validators.extend(Draft202012Validator, {"required": _required})


def reference_validator(schema: dict) -> Draft202012Validator:
    return _Reference(schema, format_checker=format_checker())


def stock_validator(schema: dict) -> Draft202012Validator:
    """python-jsonschema exactly as users run it, with the shared format definitions."""
    return Draft202012Validator(schema, format_checker=format_checker())
