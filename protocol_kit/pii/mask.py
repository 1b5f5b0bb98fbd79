"""Masking of values that may be personal data, for every report and message.

Masks keep just enough shape for a human to recognise the problem
(``j***@e***.com``, ``**** **** **** 1111``) and never the value itself.
Secrets keep no shape at all. Work is bounded: huge values are masked from
their first and last characters only.
"""
from __future__ import annotations

from typing import Any

_LOOK = 256  # characters examined to choose a mask
_EMAIL_STOP = frozenset(" /?&=:;,<>()[]\"'\\")
_DIGIT_CATEGORIES = (None, "payment_card", "bank_account", "gov_id", "phone", "device_id")


def mask_value(value: Any, category: str | None = None) -> Any:
    """A masked rendering of ``value``; None and booleans stay, containers become ``***``."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (dict, list, tuple, set)):
        return "***"
    text = str(value)
    if category == "credential":
        return "********"
    if category in (None, "email") and _is_single_email(text):
        return _mask_email(text)
    if category in _DIGIT_CATEGORIES and _mostly_digits(text):
        return _mask_digits(text)
    return _mask_text(text)


def _is_single_email(text: str) -> bool:
    if len(text) > _LOOK or text.count("@") != 1 or not _EMAIL_STOP.isdisjoint(text):
        return False
    local, _, domain = text.partition("@")
    return bool(local) and "." in domain


def _mask_email(text: str) -> str:
    local, _, domain = text.partition("@")
    host, _, tld = domain.rpartition(".")
    return f"{local[:1]}***@{host[:1]}***.{tld}"


def _mostly_digits(text: str) -> bool:
    if len(text) > _LOOK:
        return False
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 6 and digits >= 0.7 * len(text.replace(" ", "").replace("-", ""))


def _mask_digits(text: str) -> str:
    digits = [ch for ch in text if ch.isdigit()]
    if len(digits) >= 12:
        return "**** **** **** " + "".join(digits[-4:])
    shown = 4 if len(digits) >= 10 else 2
    return "*" * (len(digits) - shown) + "".join(digits[-shown:])


def _mask_text(text: str) -> str:
    if len(text) <= 2:
        return "***"
    if len(text) <= 5:
        return f"{text[:1]}***"
    return f"{text[:1]}***{text[-1:]}"
