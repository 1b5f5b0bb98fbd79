"""Personal data inside free text: phone numbers, IBANs, IP addresses, SSNs and UK NI numbers.

Each shape found in a text is confirmed by the same check as a whole value
(mod-97 and the country's length for an IBAN, the SSA ranges for an SSN, the
prefix rules for a National Insurance number, :mod:`ipaddress` for an IP).
A match must stand on its own: never part of a longer word or number
(``v1.2.3.4``, ``order-0612345678``, ``GB82WEST...X`` glued to letters).
Patterns are ASCII-only and bounded; :mod:`protocol_kit.pii.fastpass` relies on
that to find every possible match in the raw bytes of an event.
"""
from __future__ import annotations

import re

from protocol_kit.pii import checks

# Not preceded by a letter, digit, or a character that joins numbers and words.
_START = r"(?<![A-Za-z0-9_.,/+-])"
_END = r"(?![A-Za-z0-9_/]|[.,-][0-9])"

IBAN_IN_TEXT = re.compile(_START + r"[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,30}", re.ASCII)
SSN_IN_TEXT = re.compile(_START + r"[0-9]{3}-[0-9]{2}-[0-9]{4}" + _END, re.ASCII)
NINO_IN_TEXT = re.compile(_START + r"[A-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]" + r"(?![A-Za-z0-9])", re.ASCII)
IP_IN_TEXT = re.compile(r"(?<![A-Za-z0-9_./:-])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![A-Za-z0-9_/:]|\.[0-9])", re.ASCII)
_PHONE_END = r"(?![A-Za-z0-9_/]|[ .,()-]?[0-9])"  # the number does not go on
INTL_PHONE_IN_TEXT = re.compile(r"(?<![A-Za-z0-9_+])\+[0-9][0-9 ().-]{6,22}[0-9]" + _PHONE_END, re.ASCII)
# National formats: a trunk 0 with groups, a compact trunk-0 number, or an area code in parentheses.
NATIONAL_PHONE_IN_TEXT = re.compile(
    _START + r"(?:\(0?[0-9]{2,4}\) ?[0-9]{3,4}[ -]?[0-9]{3,4}|0[1-9][0-9]{1,4}(?:[ -][0-9]{2,4}){1,4}|0[1-9][0-9]{8,10})"
    + _PHONE_END, re.ASCII)
_VERSION = re.compile(r"\b(?:v|ver|version|build|firmware|release|rev|revision)\b|\bv[0-9]", re.IGNORECASE | re.ASCII)
_WORD = re.compile(r"[A-Za-z]{2,}")
_SSN_WORD = re.compile(r"\bssn\b|social security", re.IGNORECASE | re.ASCII)


def category_in_text(text: str, *, versions: bool = False) -> str | None:
    """The most sensitive category found inside ``text``; ``versions``: the field is about versions."""
    from protocol_kit.pii.values import ascii_digits

    digits = ascii_digits(text)  # each shape needs so many digits: most texts are cleared by counting
    if digits >= 8 and _has_iban(text):
        return "bank_account"
    if digits >= 9 and _SSN_WORD.search(text) and any(checks.is_ssn(m.group()) for m in SSN_IN_TEXT.finditer(text)):
        return "gov_id"
    if digits >= 6 and any(checks.is_nino(m.group()) for m in NINO_IN_TEXT.finditer(text)):
        return "gov_id"
    if (digits >= 9 or digits >= 8 and "+" in text) and _has_phone(text):
        return "phone"
    if not versions and digits >= 4 and text.count(".") >= 3 and _has_ip(text):
        return "ip_address"
    return None


def _has_iban(text: str) -> bool:
    """An IBAN, spaces allowed between groups; the country's length decides where it ends."""
    for match in IBAN_IN_TEXT.finditer(text):
        compact = match.group().replace(" ", "")
        length = checks.iban_length(compact[:2])
        if length and len(compact) >= length and checks.is_iban(compact[:length]):
            end = _end_of_compact(match.group(), length)
            if end == len(match.group()) or not match.group()[end].isalnum():
                return True
    return False


def _end_of_compact(spaced: str, length: int) -> int:
    """The index in ``spaced`` just after its first ``length`` non-space characters."""
    seen = 0
    for index, ch in enumerate(spaced):
        seen += ch != " "
        if seen == length:
            return index + 1
    return len(spaced)


def _has_phone(text: str) -> bool:
    from protocol_kit.pii.values import is_international_phone

    if any(is_international_phone(m.group()) for m in INTL_PHONE_IN_TEXT.finditer(text)):
        return True
    if _WORD.search(text) is None:
        return False  # a bare national number is too ambiguous: only inside words it is read as a phone
    for match in NATIONAL_PHONE_IN_TEXT.finditer(text):
        digits = sum(ch.isdigit() for ch in match.group())
        if 9 <= digits <= 12 and len(set(match.group()) - set(" -()")) > 2:
            return True
    return False


def _has_ip(text: str) -> bool:
    found = [m.group() for m in IP_IN_TEXT.finditer(text)]
    return bool(found) and _VERSION.search(text) is None and any(checks.is_personal_ip(ip) for ip in found)
