"""Classifying a field name as personal data, without its value.

The PII word must be the head of the name, its last meaningful word:
``billing_email`` is an email, ``email_verified`` a flag about one. The
longest phrase wins (``ip_address`` is an IP address, not a postal address).
Plan lint and the source scanner use :func:`classify_name` (the category) or
:func:`match_name` (category, strength, hashing) on property names; the
detector adds the value's evidence.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, NamedTuple

from protocol_kit.pii import name_table as t
from protocol_kit.pii.categories import sensitivity_of
from protocol_kit.pii.words import split_words

MAX_NAME_LENGTH = 128  # longer keys are data, not names


class NameMatch(NamedTuple):
    """What a name says: the category, how much the name alone proves, and whether it names a hash."""

    category: str
    strength: str  # "strong", "weak" or "pair" (see name_table)
    hashed: bool = False

    @property
    def sensitivity(self) -> str:
        return "low" if self.hashed else sensitivity_of(self.category)


class _Rule(NamedTuple):
    category: str
    strength: str
    unless: frozenset[str]


def _parse_table(text: str) -> dict[tuple[str, ...], _Rule]:
    rules = {}
    for line in text.split("\n"):
        if not line.strip():
            continue
        head, _, unless = line.partition("unless=")
        *phrase, category, strength = head.split()
        rules[tuple(phrase)] = _Rule(category, strength, frozenset(unless.split()))
    return rules


class NameClassifier:
    """Name classification over the built-in table plus extra phrases, cached per (name, parents)."""

    def __init__(self, extra: Iterable[tuple[str, str]] = ()):
        self.rules = _parse_table(t.TABLE + t.FOREIGN_TABLE)
        for phrase, category in extra:
            self.rules[tuple(_head_last(list(split_words(phrase))))] = _Rule(category, "strong", frozenset())
        self.longest = max(len(p) for p in self.rules)
        self.vocabulary = frozenset(w for p in self.rules for w in p)
        self.classify = lru_cache(maxsize=16384)(self._classify)

    def _classify(self, name: str, parents: tuple[str, ...] = ()) -> NameMatch | None:
        if len(name) > MAX_NAME_LENGTH:
            return None
        words = [self._singular(w) for w in split_words(name)]
        hashed = any(w in t.HASH_WORDS for w in words)
        if hashed:  # a phrase with a hash word in it (``geo_hash``) is not a hash of something
            whole = _head_last([w for w in words if not w.isdigit()])
            if any(tuple(whole[-size:]) in self.rules for size in (2, 3)):
                return self._longest(whole, parents, False, by_person=False) or None
        words = _head_last([w for w in words if not w.isdigit() and w not in t.HASH_WORDS])
        found = self._longest(words, parents, hashed, by_person=False)
        if found is _NO_RULE and words and words[-1] in t.TRAILING_QUALIFIERS:
            by_person = False
            while words and words[-1] in t.TRAILING_QUALIFIERS:
                by_person = by_person or words.pop() in t.PERSON_QUALIFIERS
            found = self._longest(words, parents, hashed, by_person=by_person)
        return None if found is _NO_RULE else found

    def _longest(self, words: list[str], parents: tuple[str, ...], hashed: bool, *, by_person: bool):
        for size in range(min(len(words), self.longest), 0, -1):
            rule = self.rules.get(tuple(words[-size:]))
            if rule is not None:
                return self._judge(rule, words[:-size], parents, hashed, by_person)
        return _NO_RULE

    def _judge(self, rule: _Rule, before: list[str], parents: tuple[str, ...], hashed: bool,
               by_person: bool = False) -> NameMatch | None:
        if before and before[-1] in rule.unless or t.NEGATING_PREFIXES.intersection(before):
            return None
        if rule.category in t.BUSINESS_CATEGORIES and not by_person and is_business(before, parents):
            return None
        if rule.strength in ("person", "address"):
            context = t.PERSON_CONTEXT if rule.strength == "person" else t.ADDRESS_CONTEXT
            in_context = before[-1] in context if before else by_person or _parents_in(parents, context)
            return NameMatch(rule.category, "strong", hashed) if in_context else None
        return NameMatch(rule.category, rule.strength, hashed)

    def _singular(self, word: str) -> str:
        if word in self.vocabulary or not word.endswith("s"):
            return word
        for cut in (1, 2):
            if word[:-cut] in self.vocabulary:
                return word[:-cut]
        return word


_NO_RULE = object()


def _head_last(words: list[str]) -> list[str]:
    """The words up to the head: neutral suffixes and units dropped, ``no``/``nr`` read as ``number``."""
    while len(words) > 1:
        last = words[-1]
        if last in t.NEUTRAL_SUFFIXES or last in t.UNIT_WORDS:
            words.pop()
        elif last in t.NUMBER_ABBREVIATIONS:
            words[-1] = "number"
            break
        else:
            break
    if len(words) == 1 and words[0] in t.NEUTRAL_SUFFIXES:
        words.pop()
    return words


def is_business(before: list[str] | tuple[str, ...], parents: tuple[str, ...]) -> bool:
    """Whether a name is about a business (``store_city``, ``merchant.phone``), not a person.

    The word just before the head decides when there is one; else the nearest
    parent that says something about its content.
    """
    if before:
        return before[-1] in t.BUSINESS_CONTEXT
    for parent in reversed(parents):
        words = [w for w in split_words(parent) if w not in t.GENERIC_CONTAINERS]
        if words:
            return words[-1] in t.BUSINESS_CONTEXT
    return False


def _parents_in(parents: tuple[str, ...], context: frozenset[str]) -> bool:
    """Whether the nearest parent that says something about its content is in ``context``."""
    for parent in reversed(parents):
        words = [w for w in split_words(parent) if w not in t.GENERIC_CONTAINERS]
        if words:
            return not context.isdisjoint(words)
    return False


DEFAULT_CLASSIFIER = NameClassifier()


@lru_cache(maxsize=64)
def classifier_for(extra: tuple[tuple[str, str], ...]) -> NameClassifier:
    return NameClassifier(extra) if extra else DEFAULT_CLASSIFIER


def match_name(name: str, parents: Iterable[str] = (), *, rules=None) -> NameMatch | None:
    """What a field name says about its value: category, strength and hashing, or None.

    ``parents`` are the names of the enclosing containers, outermost first
    (``("traits",)``, ``("properties", "products")``): a bare ``name`` is a
    person's under ``traits`` or ``customer`` but not under ``products``.
    ``rules`` (a :class:`~protocol_kit.pii.rules.PiiRules`) adds custom phrases.
    """
    classifier = classifier_for(rules.name_rules) if rules is not None else DEFAULT_CLASSIFIER
    return classifier.classify(name, tuple(parents)[-2:])


def classify_name(name: str, parents: Iterable[str] = (), *, rules=None) -> str | None:
    """The personal-data category a field name stands for, or None: for plan lint and code scanning.

    Weak names (``mobile``, ``card_number``) count; a coordinate that needs its
    partner (``lat``) does not. :func:`match_name` tells strong from weak.
    """
    match = match_name(name, parents, rules=rules)
    return match.category if match is not None and match.strength != "pair" else None
