"""The categories of personal data the detector knows, in one table.

A category has a default sensitivity: ``high`` for data that identifies or
harms a person on its own (an email, a card number, a health condition),
``medium`` for identifiers and quasi-identifiers (an IP address, a device id,
a postal code), ``low`` for coarse attributes (a country, an age group) and
for hashed identifiers.
"""
from __future__ import annotations

from typing import NamedTuple

SENSITIVITIES = ("low", "medium", "high")


class Category(NamedTuple):
    name: str
    sensitivity: str
    description: str


def _table(*rows: tuple[str, str, str]) -> dict[str, Category]:
    table = {name: Category(name, sensitivity, description) for name, sensitivity, description in rows}
    assert len(table) == len(rows), "duplicate category"
    assert all(c.sensitivity in SENSITIVITIES for c in table.values())
    return table


CATEGORIES: dict[str, Category] = _table(
    ("email", "high", "An email address."),
    ("phone", "high", "A telephone number."),
    ("person_name", "high", "A person's first, last or full name."),
    ("postal_address", "high", "A street address or address line."),
    ("postal_code", "medium", "A postal or ZIP code."),
    ("precise_location", "high", "Latitude and longitude, or other precise coordinates."),
    ("birth_date", "high", "A date or year of birth."),
    ("gov_id", "high", "A government identifier: social security, passport, national id, tax id, driving licence."),
    ("payment_card", "high", "A payment card number."),
    ("bank_account", "high", "A bank account number or IBAN."),
    ("credential", "high", "A password, access token, API key, JWT or other secret."),
    ("ip_address", "medium", "An IPv4 or IPv6 address of a client."),
    ("mac_address", "medium", "A hardware MAC address."),
    ("device_id", "medium", "A device or advertising identifier (IDFA, GAID, IMEI, push token)."),
    ("special_category", "high", "Health, religion, ethnicity, sexual orientation, political opinion, biometric or genetic data."),
    ("demographic", "low", "Age, gender, marital status or nationality."),
    ("coarse_location", "low", "A city, region or country."),
    ("financial_profile", "medium", "Salary, income, net worth or credit score."),
    ("username", "medium", "A user name, login or handle."),
)


def sensitivity_of(category: str) -> str:
    """The default sensitivity of ``category``; custom categories are ``medium``."""
    entry = CATEGORIES.get(category)
    return entry.sensitivity if entry else "medium"


def sensitivity_rank(sensitivity: str) -> int:
    return SENSITIVITIES.index(sensitivity)
