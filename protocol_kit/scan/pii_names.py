"""Does a property name look like personal data?

Uses the project's personal data classifier (``protocol_kit.pii.classify_name``)
when it is available, otherwise a short list of unmistakable names.
"""
from __future__ import annotations

import re
from typing import Callable

NameClassifier = Callable[[str], "str | None"]

# normalised name (lower case, no separators) -> category
OBVIOUS_NAMES = {
    "email": "email", "emailaddress": "email", "mail": "email",
    "phone": "phone", "phonenumber": "phone", "mobile": "phone", "mobilenumber": "phone",
    "ssn": "gov_id", "socialsecuritynumber": "gov_id", "passport": "gov_id", "passportnumber": "gov_id",
    "password": "secret", "passwd": "secret",
    "firstname": "name", "lastname": "name", "fullname": "name", "surname": "name",
    "address": "address", "streetaddress": "address", "homeaddress": "address",
    "creditcard": "payment_card", "cardnumber": "payment_card", "creditcardnumber": "payment_card",
    "iban": "bank_account", "ipaddress": "ip_address", "dateofbirth": "birth_date", "birthdate": "birth_date",
    "dob": "birth_date",
}
_SEPARATORS = re.compile(r"[\s_\-.]+")


def builtin_classify_name(name: str) -> str | None:
    """The category of an obviously personal property name (``user_email`` -> ``email``)."""
    key = _SEPARATORS.sub("", name).lower()
    if key in OBVIOUS_NAMES:
        return OBVIOUS_NAMES[key]
    words = [w.lower() for w in re.split(r"[\s_\-.]+|(?<=[a-z])(?=[A-Z])", name) if w]
    return next((OBVIOUS_NAMES[w] for w in reversed(words) if w in OBVIOUS_NAMES), None)


def default_classifier() -> NameClassifier:
    try:
        from protocol_kit.pii import classify_name  # type: ignore[attr-defined]
    except ImportError:
        return builtin_classify_name
    return classify_name
