"""Judging one value with what its field name says: the decision table of the detector.

- A strong name rule fires on a non-empty value of a sensible type (never a
  boolean or null); when the value proves a more sensitive category, the
  value wins.
- A weak name rule (``mobile``, ``card_number``, ``mac``) fires only when the
  value agrees.
- Without a name rule, the value must prove the category on its own.

URL values are taken apart: query and fragment keys go through the name
rules and their decoded values through the value rules.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote

from protocol_kit.pii import checks, values
from protocol_kit.pii.categories import sensitivity_of, sensitivity_rank
from protocol_kit.pii.name_table import BUSINESS_CATEGORIES
from protocol_kit.pii.names import NameMatch, classifier_for
from protocol_kit.pii.rules import PiiRules
from protocol_kit.pii.words import split_words

MAX_URL = 8192
_URL_STARTS = frozenset("hH/?")
_PLACEHOLDERS = frozenset(line.strip() for line in """
null
none
nil
n/a
na
undefined
unknown
redacted
[redacted]
-
?
test
guest
anonymous
anon
visitor
not set
not specified
not provided
not given
not applicable
unspecified
declined
prefer not to say
rather not say
prefer not to answer
withheld
no answer
xxx
tbd
""".strip().splitlines())
_NUMERIC_CATEGORIES = frozenset((
    "phone", "postal_code", "birth_date", "gov_id", "bank_account", "demographic",
    "financial_profile", "precise_location", "device_id", "credential",
))

Verdict = tuple[str, str, bool]  # (category, matched_on, hashed)


def judge(value: object, match: NameMatch | None, words: frozenset[str], rules: PiiRules,
          *, url_depth: int = 0, business: bool = False) -> Verdict | None:
    """The category of ``value`` under a field name that matched ``match`` (or None).

    ``business``: the field belongs to a business (``store.city``, ``merchant.phone``): contact and
    location data found there is not a person's.
    """
    verdict = _judge(value, match, words, rules, url_depth)
    if verdict is not None and business and verdict[0] in BUSINESS_CATEGORIES:
        return None
    return verdict


def _judge(value: object, match: NameMatch | None, words: frozenset[str], rules: PiiRules,
           url_depth: int) -> Verdict | None:
    if value is None or isinstance(value, bool):
        return None
    if match is None and value.__class__ in (int, float) and -10**12 < value < 10**12:
        return None  # numbers prove nothing without a name, except card-sized integers
    hint = match.category if match is not None else None
    if isinstance(value, str):
        found = _text_category(value[:values.MAX_SCAN], hint, words, rules, url_depth)
    else:
        found = values.classify_value(value, hint=hint, words=words)
    if match is None:
        return (found, "value", False) if found else None
    if found == match.category:
        return found, "both", match.hashed
    if match.strength == "strong" and _acceptable(value, match):
        if found and sensitivity_rank(sensitivity_of(found)) > sensitivity_rank(match.sensitivity):
            return found, "value", False
        return match.category, "name", match.hashed
    return (found, "value", False) if found else None


def _acceptable(value: object, match: NameMatch) -> bool:
    """Whether a value is of a type and shape that the category could have."""
    category = match.category
    if isinstance(value, (int, float)):
        if category == "precise_location":
            return values.classify_value(value, hint=category) is not None
        return category in _NUMERIC_CATEGORIES
    if not isinstance(value, str):
        return False
    text = value[:256].strip()
    if not text or is_placeholder(text) or "***" in text or text.startswith("[REDACTED:"):
        return False
    if match.hashed:
        return True
    if category == "email":
        return values.find_email(text)
    if category == "phone":
        return sum(ch.isdigit() for ch in text) >= 6
    if category == "ip_address":
        return checks.is_personal_ip(text)
    if category == "mac_address":
        return checks.is_mac(text)
    if category == "precise_location":
        return _is_coordinate_text(text)
    return any(ch.isalnum() for ch in text)


def is_placeholder(text: str) -> bool:
    """``n/a``, ``Guest``, ``prefer_not_to_say``, ``00000``: a value standing for no data."""
    lowered = text.lower()
    if lowered in _PLACEHOLDERS or checks.all_zero(text):
        return True
    return len(lowered) <= 32 and lowered.replace("_", " ").replace("-", " ") in _PLACEHOLDERS


def _is_coordinate_text(text: str) -> bool:
    try:
        number = float(text)
    except ValueError:
        return values.classify_text(text, hint="precise_location") is not None
    return values.classify_value(number, hint="precise_location") is not None


def _text_category(text: str, hint: str | None, words: frozenset[str], rules: PiiRules,
                   url_depth: int) -> str | None:
    if url_depth < 2 and text and text[0] in _URL_STARTS and _looks_like_url(text):
        found = _url_category(text[:MAX_URL], rules, url_depth)
    else:
        found = values.classify_text(text, hint=hint, words=words)
    if found is None and rules.value_rules:
        found = rules.custom_category(text)
    return found


def _looks_like_url(text: str) -> bool:
    if text[:8].lower().startswith(("http://", "https://")):
        return True
    return text[:1] in ("/", "?") and ("?" in text or "#" in text)


def _url_category(url: str, rules: PiiRules, url_depth: int) -> str | None:
    location, _, query = url.partition("?")
    query, _, fragment = query.partition("#")
    if not query:
        location, _, fragment = location.partition("#")
    best = None
    if "@" in location and _has_password(location):  # https://user:secret@host
        best = "credential"
    classifier = classifier_for(rules.name_rules)
    for part in (query, fragment):
        if "=" not in part:
            continue
        for key, value in _parameters(part):
            match = classifier.classify(key, ())
            if match is None and values.nothing_to_find(value):
                continue
            verdict = judge(value, match, _words(key), rules, url_depth=url_depth + 1)
            if verdict and (best is None or _more_sensitive(verdict[0], best)):
                best = verdict[0]
    if best is None:
        where = location if "=" in fragment else f"{location}#{fragment}"
        if "@" in where or "%40" in where:
            where = unquote(where)
            if values.find_email(where):
                best = "email"
    return best


def _parameters(query: str):
    """Decoded ``key=value`` pairs of a query string (a lean ``parse_qsl``)."""
    for pair in query.split("&"):
        key, equals, value = pair.partition("=")
        if equals and value:
            if "%" in key or "+" in key:
                key = unquote(key.replace("+", " "))
            if "%" in value or "+" in value:
                value = unquote(value.replace("+", " "))
            yield key, value


def _has_password(location: str) -> bool:
    authority = location.partition("//")[2].partition("/")[0]
    userinfo, at, _ = authority.rpartition("@")
    return bool(at) and bool(userinfo.partition(":")[2])


@lru_cache(maxsize=4096)
def _words(key: str) -> frozenset[str]:
    return frozenset(split_words(key))


def _more_sensitive(category: str, than: str) -> bool:
    return sensitivity_rank(sensitivity_of(category)) > sensitivity_rank(sensitivity_of(than))
