"""Masking of values that may be personal data, for every report and message.

Masks keep just enough shape for a human to recognise the problem
(``j***@e***.com``, ``**** **** **** 1111``) and never the value itself.
"""
from __future__ import annotations

from typing import Any

_EMAIL_LIKE = "@"


def mask_value(value: Any, category: str | None = None) -> Any:
    """A masked rendering of ``value``; numbers, booleans and None become ``***`` or stay when harmless."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (dict, list)):
        return "***"
    text = str(value)
    if category == "email" or (category is None and _EMAIL_LIKE in text and "." in text.split("@")[-1]):
        return _mask_email(text)
    if category == "payment_card" or (category in (None, "bank_account", "gov_id") and _mostly_digits(text)):
        return _mask_digits(text)
    return _mask_text(text)


def _mask_email(text: str) -> str:
    local, _, domain = text.rpartition("@")
    host, dot, tld = domain.rpartition(".")
    if not dot:
        host, tld = domain, ""
    return f"{local[:1]}***@{host[:1]}***{dot}{tld}"


def _mostly_digits(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 6 and digits >= 0.7 * len(text.replace(" ", "").replace("-", ""))


def _mask_digits(text: str) -> str:
    digits = [ch for ch in text if ch.isdigit()]
    last = "".join(digits[-4:])
    if len(digits) >= 13:
        return "**** **** **** " + last
    return "*" * max(len(digits) - 4, 2) + last


def _mask_text(text: str) -> str:
    if len(text) <= 2:
        return "***"
    return f"{text[:1]}***{text[-1:]}"
