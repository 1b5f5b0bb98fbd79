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

from urllib.parse import parse_qsl, unquote, urlsplit

from protocol_kit.pii import checks, values
from protocol_kit.pii.categories import sensitivity_of, sensitivity_rank
from protocol_kit.pii.names import NameMatch, classifier_for
from protocol_kit.pii.rules import PiiRules
from protocol_kit.pii.words import split_words

MAX_URL = 8192
_PLACEHOLDERS = frozenset("null none nil n/a na undefined unknown redacted [redacted] - ? test".split())
_NUMERIC_CATEGORIES = frozenset((
    "phone", "postal_code", "birth_date", "gov_id", "bank_account", "demographic",
    "financial_profile", "precise_location", "device_id", "credential",
))

Verdict = tuple[str, str, bool]  # (category, matched_on, hashed)


def judge(value: object, match: NameMatch | None, words: frozenset[str], rules: PiiRules,
          *, url_depth: int = 0) -> Verdict | None:
    """The category of ``value`` under a field name that matched ``match`` (or None)."""
    if value is None or isinstance(value, bool):
        return None
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
    if not text or text.lower() in _PLACEHOLDERS or "***" in text:
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


def _is_coordinate_text(text: str) -> bool:
    try:
        number = float(text)
    except ValueError:
        return values.classify_text(text, hint="precise_location") is not None
    return values.classify_value(number, hint="precise_location") is not None


def _text_category(text: str, hint: str | None, words: frozenset[str], rules: PiiRules,
                   url_depth: int) -> str | None:
    if url_depth < 2 and _looks_like_url(text):
        found = _url_category(text[:MAX_URL], rules, url_depth)
    else:
        found = values.classify_text(text, hint=hint, words=words)
    if found is None and rules.value_rules:
        found = rules.custom_category(text)
    return found


def _looks_like_url(text: str) -> bool:
    head = text[:8].lower()
    if head.startswith(("http://", "https://")):
        return True
    return text[:1] in ("/", "?") and ("?" in text or "#" in text)


def _url_category(url: str, rules: PiiRules, url_depth: int) -> str | None:
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return values.classify_text(url)
    best = "credential" if password else None
    classifier = classifier_for(rules.name_rules)
    for query in (parts.query, parts.fragment):
        if "=" not in query:
            continue
        for key, value in parse_qsl(query):
            verdict = judge(value, classifier.classify(key, ()), frozenset(split_words(key)), rules,
                            url_depth=url_depth + 1)
            if verdict and (best is None or _more_sensitive(verdict[0], best)):
                best = verdict[0]
    if best is None:
        location = unquote(parts.path if "=" in parts.fragment else f"{parts.path}#{parts.fragment}")
        if "@" in location and values.find_email(location):
            best = "email"
    return best


def _more_sensitive(category: str, than: str) -> bool:
    return sensitivity_rank(sensitivity_of(category)) > sensitivity_rank(sensitivity_of(than))
