"""Recognising personal data by value, each shape confirmed by a check.

Cheap character tests come first so that most values (words, ids,
timestamps) are rejected without a regular expression. Only the first
``MAX_SCAN`` characters of a string are searched, and every pattern is
anchored or bounded, so cost stays linear in the size of the payload.

``hint`` is the category the field name suggests (``mobile`` suggests a
phone): it admits formats that are too ambiguous alone, such as national
phone numbers. ``words`` are the words of the field name and its parents,
used as keywords (``ssn``, ``version``).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from urllib.parse import unquote

from protocol_kit.pii import checks, in_text

MAX_SCAN = 32_768   # characters of a string that are searched
MAX_WHOLE = 64      # longest value checked as a whole (phone, IP, IBAN, MAC...)

PHONE_WORDS = frozenset("phone mobile tel telephone cell contact sms whatsapp fax msisdn call".split())
SSN_WORDS = frozenset("ssn social security taxpayer".split())
VERSION_WORDS = frozenset("version ver build release firmware sdk revision".split())
# Fields named like identifiers or times: only emails, credentials and international phones are looked for.
ID_WORDS = frozenset("""
id ids uid uuid guid ref reference key sku ts timestamp time date at epoch ms seq sequence nonce hash checksum version
""".split())
LOCATION_WORDS = frozenset("location loc coordinates coords geo position gps latlng".split())

_DIGIT = re.compile(r"\d")
_CREDENTIAL_HINT = re.compile(r"eyJ|Bearer |Basic |_live_|_test_|gh[pousr]_|github_pat_|AKIA|xox[abprs]-|AIza")
# Words of a field name that let value rules accept more (a national phone under ``contact``).
HINT_WORDS = PHONE_WORDS | SSN_WORDS | LOCATION_WORDS
_NO_ASCII_DIGITS = str.maketrans("", "", "0123456789")
_DIGITS_AND_AT = frozenset("0123456789@")
_NUMBERISH = frozenset("0123456789 -.()/")
_IPISH = frozenset("0123456789abcdefABCDEF.:")
_DIGIT_RUN = re.compile(r"\d[\d -]{11,}\d")
_WORD_CHAR = re.compile(r"[A-Za-z0-9_]")
_PHONE_INTL = re.compile(r"\+\d[\d ().-]{6,22}\d")
_COORDINATE_PAIR = re.compile(r"(-?\d{1,2}\.\d{2,12})\s*[,; ]\s*(-?\d{1,3}\.\d{2,12})")
_POSTAL = re.compile(r"\d{5}(?:-\d{4})?|\d{4}|\d{6}|[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}|[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d")
_SECRET = re.compile(
    r"\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}"
    r"|\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|\bpk_live_[A-Za-z0-9]{16,}|\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{30,}"
    r"|\bAKIA[0-9A-Z]{16}\b|\bxox[abprs]-[A-Za-z0-9-]{10,}|\bAIza[0-9A-Za-z_-]{35}"
)
_GEOHASH = re.compile(r"[0-9b-hjkmnp-z]{7,12}")  # 7 characters and more locate within about 150 m
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_.-]+")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+'-")
_EMAIL_DOMAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_FILE_EXTENSIONS = frozenset("""
png jpg jpeg gif svg webp ico bmp tif tiff avif heic pdf js mjs ts css scss json html htm xml txt md
mp3 mp4 mov webm wav woff woff2 ttf otf eot map zip gz tar git lock yml yaml toml
""".split())
# Mailboxes of a role, not a person: a business's own addresses.
ROLE_MAILBOXES = frozenset("""
support help helpdesk info contact contacts hello sales billing invoices invoice accounts accounting
admin administrator webmaster postmaster hostmaster abuse security privacy legal press media marketing
newsletter news noreply no-reply donotreply do-not-reply do_not_reply notifications notification
alerts alert orders order service services customerservice customer-service customercare care team
office jobs careers hr recruiting feedback returns shipping reservations booking bookings mailer-daemon
""".split())
_RETINA = re.compile(r"\d(?:\.\d)?x")


def classify_value(value: object, *, hint: str | None = None, words: frozenset[str] = frozenset()) -> str | None:
    """The category a value proves on its own (with ``hint`` and ``words``), or None."""
    if isinstance(value, str):
        return classify_text(value[:MAX_SCAN], hint=hint, words=words)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return _classify_integer(value, hint, words)
    if isinstance(value, float):
        return _classify_float(value, hint, words)
    return None


def nothing_to_find(text: str) -> bool:
    """A cheap test for most words and labels: no digit, no at sign, no credential marker, not a URL.

    Every shape the value rules look for has a digit or an at sign, except a few credentials.
    """
    return (_DIGITS_AND_AT.isdisjoint(text) and "Bearer " not in text and "Basic " not in text
            and "eyJ" not in text and "//" not in text)


def classify_text(text: str, *, hint: str | None = None, words: frozenset[str] = frozenset()) -> str | None:
    if nothing_to_find(text):
        return None
    text = text.strip()
    if len(text) < 4:
        return None
    if _CREDENTIAL_HINT.search(text) is not None and _has_credential(text):
        return "credential"
    if "; " in text and "=" in text and _is_session_cookie(text):
        return "credential"
    if "@" in text and find_email(text):
        return "email"
    if "%40" in text and find_email(unquote(text)):
        return "email"
    if _DIGIT.search(text) is None:
        return None
    if hint is None and words.isdisjoint(HINT_WORDS) and _too_few_digits(text):
        return None
    if len(text) == 36 and hint != "device_id" and checks.is_uuid(text):
        return None  # message, session and anonymous ids: a UUID holds no personal data
    if hint is None and not words.isdisjoint(ID_WORDS):
        if text[0] == "+" and is_international_phone(text):
            return "phone"
        return "payment_card" if holds_card(text) else None  # a card is found under any name
    if len(text) <= MAX_WHOLE:
        category = _classify_whole(text, hint, words)
        if category is not None:
            return category
    if _card_in_text(text):
        return "payment_card"
    return in_text.category_in_text(text, versions=not words.isdisjoint(VERSION_WORDS))


def ascii_digits(text: str) -> int:
    return len(text) - len(text.translate(_NO_ASCII_DIGITS))


def _too_few_digits(text: str) -> bool:
    """Without a name's help, every remaining rule needs six digits, or the dots of an IP, or a MAC's length."""
    return len(text) not in (14, 17) and ":" not in text and text.count(".") < 3 and ascii_digits(text) < 6


def _has_credential(text: str) -> bool:
    return _has_jwt(text) or _SECRET.search(text) is not None


_COOKIE_PAIR = re.compile(r"\s*([A-Za-z0-9_.-]{1,64})=([^;]*)")
_SESSION_COOKIE = re.compile(r"sess|sid|token|auth|jwt|remember", re.IGNORECASE)


def _is_session_cookie(text: str) -> bool:
    """A cookie header (``a=1; session_id=8f2a...``) that carries a session or auth cookie."""
    pairs = [_COOKIE_PAIR.fullmatch(part) for part in text.split(";") if part.strip()]
    if len(pairs) < 2 or None in pairs:
        return False
    return any(_SESSION_COOKIE.search(p[1]) and len(p[2].strip()) >= 8 and any(c.isdigit() for c in p[2])
               for p in pairs)


def _has_jwt(text: str) -> bool:
    """A JWT anywhere in ``text``; each run of token characters is looked at once."""
    start = text.find("eyJ")
    while start >= 0:
        run = _TOKEN_RUN.match(text, start)
        if checks.is_jwt(run.group().rstrip(".")):
            return True
        start = text.find("eyJ", run.end())
    return False


def _classify_whole(text: str, hint: str | None, words: frozenset[str]) -> str | None:
    if text[0] == "+" and is_international_phone(text):
        return "phone"
    if _IPISH.issuperset(text) and ("." in text or ":" in text):
        if checks.is_personal_ip(text) and (hint == "ip_address" or words.isdisjoint(VERSION_WORDS)):
            return "ip_address"
    if len(text) in (14, 17) and checks.is_mac(text):
        return "mac_address"
    if text[:2].isalpha() and text[2:4].isdigit() and checks.is_iban(text):
        return "bank_account"
    if _NUMBERISH.issuperset(text):
        category = _classify_number_text(text, hint, words)
        if category is not None:
            return category
    if (hint == "precise_location" or not words.isdisjoint(LOCATION_WORDS)) and _is_coordinate_pair(text):
        return "precise_location"
    if hint == "postal_code" and _POSTAL.fullmatch(text) and not checks.all_zero(text):
        return "postal_code"
    if hint == "precise_location" and _GEOHASH.fullmatch(text):
        return "precise_location"
    if hint == "device_id" and checks.is_device_uuid(text):
        return "device_id"
    return None


def _classify_number_text(text: str, hint: str | None, words: frozenset[str]) -> str | None:
    digits = "".join(ch for ch in text if ch.isdigit())
    if checks.is_payment_card(digits):
        return "payment_card"
    if (hint == "gov_id" or not words.isdisjoint(SSN_WORDS)) and checks.is_ssn(text):
        return "gov_id"
    if (hint == "phone" or not words.isdisjoint(PHONE_WORDS)) and _national_phone(text, digits):
        return "phone"
    if hint == "bank_account" and 6 <= len(digits) <= 18 and "." not in text:
        return "bank_account"
    return None


def _national_phone(text: str, digits: str) -> bool:
    return 7 <= len(digits) <= 15 and len(set(digits)) > 2 and text.count(".") != 1 and "/" not in text


def _is_coordinate_pair(text: str) -> bool:
    match = _COORDINATE_PAIR.fullmatch(text)
    return match is not None and checks.coordinate_in_range(float(match[1]), longitude=False) \
        and checks.coordinate_in_range(float(match[2]), longitude=True)


def holds_card(text: str) -> bool:
    """Whether ``text`` holds a payment card number standing on its own (13 digits at least)."""
    return ascii_digits(text) >= 13 and _card_in_text(text)


def _card_in_text(text: str) -> bool:
    """A run of digits (single spaces or dashes between groups) that is a card, not glued to a word."""
    for match in _DIGIT_RUN.finditer(text):
        start, end = match.start(), match.end()
        if start and text[start - 1] in ".,":
            continue  # the decimals of a number
        if start and _WORD_CHAR.match(text, start - 1) or _WORD_CHAR.match(text, end):
            continue  # part of a word or code: ``SKU4111111111111111``
        run = match.group().strip(" -")
        digits = run.replace(" ", "").replace("-", "")
        if 13 <= len(digits) <= 19 and not ("-" in run and " " in run) and "  " not in run:
            if checks.is_payment_card(digits):
                return True
    return False


def is_international_phone(text: str) -> bool:
    """``+`` and 8 to 15 digits; with the optional ``phonenumbers`` package, a valid number too."""
    if len(text) > MAX_WHOLE or _PHONE_INTL.fullmatch(text) is None \
            or not 8 <= sum(ch.isdigit() for ch in text) <= 15:
        return False
    library = phone_library()
    if library is None:
        return True
    try:
        return library.is_valid_number(library.parse(text, None))
    except library.NumberParseException:
        return False


@lru_cache(maxsize=1)
def phone_library():
    """The ``phonenumbers`` module when installed (``pip install protocol-kit[phone]``), else None."""
    try:
        import phonenumbers
    except ImportError:
        return None
    return phonenumbers


def _classify_integer(number: int, hint: str | None, words: frozenset[str]) -> str | None:
    digits = str(abs(number))
    if 13 <= len(digits) <= 19 and checks.is_payment_card(digits):
        return "payment_card"  # under any name: an id that is not a card fails the issuer, length or Luhn
    if hint == "phone" and 7 <= len(digits) <= 15:
        return "phone"
    if hint == "bank_account" and 6 <= len(digits) <= 18:
        return "bank_account"
    if hint == "postal_code" and 3 <= len(digits) <= 6:
        return "postal_code"
    if hint == "gov_id" and checks.is_ssn(digits):
        return "gov_id"
    return _classify_float(float(number), hint, words) if hint == "precise_location" else None


def _classify_float(number: float, hint: str | None, words: frozenset[str]) -> str | None:
    if hint != "precise_location" or not math.isfinite(number) or number.is_integer():
        return None
    longitude = not words.isdisjoint(("lng", "lon", "long", "longitude"))
    return "precise_location" if checks.coordinate_in_range(number, longitude=longitude) else None


def find_email(text: str) -> bool:
    """Whether ``text`` holds an email address (not ``logo@2x.png``, not ``git@host:repo``)."""
    start = 0
    while True:
        at = text.find("@", start)
        if at < 0:
            return False
        if _is_email_at(text, at):
            return True
        start = at + 1


def _is_email_at(text: str, at: int) -> bool:
    left = at
    while left > 0 and at - left < 64 and text[left - 1] in _EMAIL_LOCAL:
        left -= 1
    right = at + 1
    while right < len(text) and right - at < 254 and text[right] in _EMAIL_DOMAIN:
        right += 1
    local, domain = text[left:at], text[at + 1:right].rstrip(".-")
    if not local or local[0] == "." or local[-1] == "." or text[max(0, left - 3):left] == "://":
        return False
    if local.lower().partition("+")[0] in ROLE_MAILBOXES:
        return False
    end = at + 1 + len(domain)
    if end < len(text) - 1 and text[end] == ":" and not text[end + 1].isspace():
        return False  # an ssh remote: git@host:org/repo
    labels = domain.split(".")
    tld = labels[-1]
    return (len(labels) >= 2 and all(labels) and tld.isalpha() and 2 <= len(tld) <= 24
            and tld.lower() not in _FILE_EXTENSIONS and _RETINA.fullmatch(labels[0]) is None)
