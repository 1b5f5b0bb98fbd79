"""String formats, defined once for both validators.

The compiled validator (jsonschema-rs) checks formats strictly: RFC 3339
``date-time`` (leap second ``23:59:60`` accepted), full-date ``date``,
RFC 5321 ``email``, RFC 3986 absolute ``uri``, hyphenated ``uuid``.
python-jsonschema's stock checker is looser (an ``email`` only needs an
``@``, ``uri`` is not checked without the rfc3987 package) and would let the
reference disagree with the fast path. So the reference's format checker
asks the compiled format check for each format: one definition of every
format, checked the same way on both paths. ``tests/validate/test_formats.py``
pins the behaviour value by value.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import jsonschema_rs

if TYPE_CHECKING:
    import jsonschema

from protocol_kit.plan.patterns import pattern_options

FORMATS = (
    "date", "date-time", "duration", "email", "hostname", "idn-email", "idn-hostname", "ipv4", "ipv6",
    "iri", "iri-reference", "json-pointer", "regex", "relative-json-pointer", "time", "uri",
    "uri-reference", "uri-template", "uuid",
)


def compiled_validator(schema: dict) -> jsonschema_rs.Validator:
    """The fast validator of a schema, with format checking on and linear-time patterns (see plan/patterns.py)."""
    return jsonschema_rs.validator_for(schema, validate_formats=True, pattern_options=pattern_options())


@cache
def format_checker() -> "jsonschema.FormatChecker":
    """python-jsonschema's format checker asking the compiled check (python-jsonschema loads only here)."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    for name in FORMATS:
        checker.checks(name)(compiled_validator({"format": name}).is_valid)
    return checker
