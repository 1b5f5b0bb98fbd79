"""The exact behaviour of string formats, on both validators (one definition, see formats.py)."""
import re

import jsonschema
import pytest
import rfc3339_validator
from hypothesis import assume, given, strategies as st

from protocol_kit.validation.formats import compiled_validator
from protocol_kit.validation.reference import stock_validator

ACCEPTED, REJECTED = True, False
PINNED = [
    ("date-time", "2024-06-10T12:00:00Z", ACCEPTED),
    ("date-time", "2024-06-10T12:00:00.123456789+02:00", ACCEPTED),
    ("date-time", "2024-06-10t12:00:00z", ACCEPTED),
    ("date-time", "2024-12-31T23:59:60Z", ACCEPTED),  # leap second (stock python-jsonschema rejects it)
    ("date-time", "2024-06-10 12:00:00Z", REJECTED),
    ("date-time", "2024-06-10T12:00:00", REJECTED),  # no offset
    ("date-time", "2024-02-30T12:00:00Z", REJECTED),
    ("date", "2024-02-29", ACCEPTED),
    ("date", "2023-02-29", REJECTED),
    ("date", "2024-6-1", REJECTED),
    ("email", "ada@example.com", ACCEPTED),
    ("email", "ada@example", ACCEPTED),  # no dot needed in the domain (RFC 5321)
    ("email", "\"ada lovelace\"@example.com", ACCEPTED),
    ("email", "ada@[127.0.0.1]", ACCEPTED),
    ("email", "@example.com", REJECTED),  # stock python-jsonschema only asks for an "@"
    ("email", "ada lovelace@example.com", REJECTED),
    ("email", "ada..l@example.com", REJECTED),
    ("uri", "https://example.com/a?b=c#d", ACCEPTED),
    ("uri", "urn:isbn:0451450523", ACCEPTED),
    ("uri", "example.com/page", REJECTED),  # relative: stock python-jsonschema does not check uri at all
    ("uri", "https://exa mple.com", REJECTED),
    ("uri", "https://example.com/café", REJECTED),  # IRI, not URI
    ("uuid", "550e8400-e29b-41d4-a716-446655440000", ACCEPTED),
    ("uuid", "550E8400-E29B-41D4-A716-446655440000", ACCEPTED),
    ("uuid", "550e8400e29b41d4a716446655440000", REJECTED),
    ("uuid", "{550e8400-e29b-41d4-a716-446655440000}", REJECTED),
]


@pytest.mark.parametrize("fmt, value, accepted", PINNED)
def test_pinned_behaviour_on_both_validators(fmt, value, accepted):
    schema = {"type": "string", "format": fmt}
    assert compiled_validator(schema).is_valid(value) is accepted
    assert stock_validator(schema).is_valid(value) is accepted


def test_formats_only_apply_to_strings():
    for fmt in ("date-time", "email", "uri", "uuid"):
        assert compiled_validator({"format": fmt}).is_valid(42)
        assert stock_validator({"format": fmt}).is_valid(42)


DATE_TIMES = st.from_regex(
    re.compile(r"\d{4}-[01]\d-[0-3]\d[Tt ][0-2]\d:[0-6]\d:[0-6]\d(\.\d{1,9})?([Zz]|[+-][0-2]\d:[0-5]\d)?"),
    fullmatch=True)


@given(DATE_TIMES | st.text(max_size=30))
def test_date_time_is_rfc_3339(value):
    """Against an independent RFC 3339 implementation, leap seconds aside."""
    assume(":60" not in value[13:20])  # leap seconds: accepted here, see PINNED
    assert compiled_validator({"format": "date-time"}).is_valid(value) == rfc3339_validator.validate_rfc3339(value)


def test_stock_checker_differences_are_what_formats_py_says():
    stock = jsonschema.Draft202012Validator({"format": "email"}, format_checker=jsonschema.FormatChecker())
    assert stock.is_valid("@example.com")  # why the reference uses the shared definitions
