"""Walking a payload and reporting the personal data in it.

The walk uses an explicit stack, so nesting depth is not limited by Python's
recursion limit, and visits each value once: cost is linear in the size of
the payload. Name classification is cached per (key, parent keys).
"""
from __future__ import annotations

import json
from typing import Any

from protocol_kit import pointer as json_pointer
from protocol_kit.pii import values
from protocol_kit.pii.categories import sensitivity_of
from protocol_kit.pii.finding import PiiFinding
from protocol_kit.pii.leaf import judge
from protocol_kit.pii.mask import mask_value
from protocol_kit.pii.names import NameClassifier, NameMatch, classifier_for, is_business
from protocol_kit.pii.rules import DEFAULT_RULES, PiiRules
from protocol_kit.pii.words import split_words

# Categories a dictionary key can be when it is data rather than a name.
KEY_CATEGORIES = frozenset(("email", "phone", "payment_card", "bank_account", "credential"))
_SIMPLE_KEY_CHARS = frozenset(".[]\"")

# A step of the walk: (previous step, key or index, position in its container, is an array index).
_Step = tuple


def detect_pii(payload: Any, *, rules: PiiRules | None = None) -> list[PiiFinding]:
    """Every piece of personal data in ``payload``, in document order.

    Findings in fields SDKs fill in (``rules.expected_paths``) are kept with
    ``expected=True``; allow-listed findings are left out. The event name for allow-list globs is the payload's ``event``
    (or its ``type`` for identify, page... calls).
    """
    return scan(payload, rules=rules or DEFAULT_RULES, event=event_name_of(payload))


def event_name_of(payload: Any) -> str | None:
    if not isinstance(payload, dict):
        return None
    for field in ("event", "type"):
        if isinstance(payload.get(field), str):
            return payload[field]
    return None


def scan(payload: Any, *, rules: PiiRules, event: str | None) -> list[PiiFinding]:
    walk = _Walk(rules, event)
    walk.run(payload)
    return sorted(walk.found, key=lambda finding: finding.route)


class _Walk:
    def __init__(self, rules: PiiRules, event: str | None):
        self.rules = rules
        self.event = event
        self.classifier: NameClassifier = classifier_for(rules.name_rules)
        # Values that the built-in value rules cannot match are skipped, unless custom rules might.
        self.shortcuts = not rules.value_rules
        self.found: list[PiiFinding] = []
        self.root_names: dict[str, str] = {}

    def run(self, payload: Any) -> None:
        self.root_names = root_context_names(payload)
        seen: set[int] = set()
        stack: list[tuple[Any, _Step | None, tuple[str, ...], NameMatch | None, frozenset[str]]] = [
            (payload, None, (), None, frozenset())]
        while stack:
            value, step, parents, match, words = stack.pop()
            if isinstance(value, (dict, list)):
                if id(value) in seen:
                    continue
                seen.add(id(value))
                children = self._dict(value, step, parents) if isinstance(value, dict) \
                    else self._list(value, step, parents, match, words)
                stack.extend(reversed(children))
            else:
                self._leaf(value, step, match, words)

    def _dict(self, mapping: dict, step: _Step | None, parents: tuple[str, ...]) -> list:
        containers = []
        classifier, shortcuts = self.classifier, self.shortcuts
        if len(_KEY_CACHE) > _KEY_CACHE_SIZE:
            _KEY_CACHE.clear()
        known = _KEY_CACHE.setdefault((classifier, parents), {})
        if len(known) > _KEY_CACHE_SIZE:
            known.clear()  # dynamic keys (ids, emails) must not grow the cache without bound
        for position, (key, child) in enumerate(mapping.items()):
            if key.__class__ is str:
                info = known.get(key)
                if info is None:
                    info = known[key] = key_info(classifier, key, parents)
                key_category, match, words, id_like, business = info
                if shortcuts and match is None and key_category is None:
                    kind = child.__class__  # the checks of _quiet, inlined: this loop sees every value
                    if kind is str:
                        if len(child) < 4 or child.isalpha() or (quiet_id(child) if id_like else quiet_text(child)):
                            continue
                    elif kind is float or kind is bool or child is None or kind is int and -10**12 < child < 10**12:
                        continue
                if key_category is not None:
                    shown = mask_value(key, key_category)
                    self._record(key, (step, shown, position, False), key_category, "key", False)
                    key = shown
                elif match is not None and match.strength == "pair" and not self._has_partner(mapping, key, parents):
                    match = None
            else:
                key, match, words, business = str(key), None, frozenset(), False
            child_step = (step, key, position, False)
            if isinstance(child, (dict, list)):
                name = self.root_names.get(key, key) if step is None else key
                containers.append((child, child_step, (*parents[-1:], name), match, words))
            else:
                self._leaf(child, child_step, match, words, business)
        return containers

    def _list(self, items: list, step: _Step | None, parents: tuple[str, ...],
              match: NameMatch | None, words: frozenset[str]) -> list:
        containers = []
        for index, item in enumerate(items):
            if self.shortcuts and match is None and _quiet(item):
                continue
            item_step = (step, index, index, True)
            if isinstance(item, (dict, list)):
                containers.append((item, item_step, parents, match, words))
            else:
                self._leaf(item, item_step, match, words)
        return containers

    def _has_partner(self, mapping: dict, key: str, parents: tuple[str, ...]) -> bool:
        """A ``lat`` counts only next to a ``lng`` (and the other way round)."""
        for other in mapping:
            if other != key and isinstance(other, str):
                found = self.classifier.classify(other, parents)
                if found is not None and found.category == "precise_location":
                    return True
        return False

    def _leaf(self, value: Any, step: _Step | None, match: NameMatch | None, words: frozenset[str],
              business: bool = False) -> None:
        if value is None or isinstance(value, bool):
            return
        if self.shortcuts and value.__class__ is str and len(value) <= _VERDICT_CACHE_LENGTH:
            # Page URLs, user agents, referrers repeat from event to event: remember their verdicts.
            cache_key = (value, match, words, self.classifier, business)
            verdict = _VERDICT_CACHE.get(cache_key, _MISSING)
            if verdict is _MISSING:
                if len(_VERDICT_CACHE) > _VERDICT_CACHE_SIZE:
                    _VERDICT_CACHE.clear()
                verdict = _VERDICT_CACHE[cache_key] = judge(value, match, words, self.rules, business=business)
        else:
            verdict = judge(value, match, words, self.rules, business=business)
        if verdict is not None:
            self._record(value, step, *verdict)

    def _record(self, raw: Any, step: _Step | None, category: str, matched_on: str, hashed: bool) -> None:
        steps = _steps(step)
        path = format_path(steps)
        if self.rules.allowed(self.event, path, category, raw):
            return
        self.found.append(PiiFinding(
            path=path,
            pointer=format_pointer(steps),
            category=category,
            sensitivity="low" if hashed else sensitivity_of(category),
            matched_on=matched_on,
            masked=str(mask_value(raw, category)),
            event=self.event,
            expected=self.rules.is_expected(path),
            route=tuple(s[2] for s in steps),
        ))


def clear_caches() -> None:
    """Forget cached key classifications and string verdicts (they are bounded; this frees them)."""
    _KEY_CACHE.clear()
    _VERDICT_CACHE.clear()


def _quiet(value: Any) -> bool:
    """Values with nothing to find without a name rule: small numbers, booleans, null, plain words."""
    kind = value.__class__
    if kind is str:
        return len(value) < 4 or value.isalpha() or quiet_text(value)
    if kind is float or kind is bool or value is None:
        return True
    return kind is int and -10**12 < value < 10**12


def quiet_text(text: str) -> bool:
    if len(text) <= 64 and text.replace(" ", "").isalpha():
        return "Bearer " not in text and "Basic " not in text
    return values.nothing_to_find(text if len(text) <= values.MAX_SCAN else text[:values.MAX_SCAN])


def quiet_id(text: str) -> bool:
    """Under an id or time name only emails, credentials, URLs, international phones and cards are looked for."""
    head = text if len(text) <= values.MAX_SCAN else text[:values.MAX_SCAN]
    return ("@" not in head and head[:1] != "+" and "//" not in head and "%40" not in head
            and "eyJ" not in head and "Bearer " not in head and "Basic " not in head
            and not values.holds_card(head))


_VERDICT_CACHE: dict[tuple, Any] = {}
_VERDICT_CACHE_SIZE = 16384
_VERDICT_CACHE_LENGTH = 512
_MISSING = object()

# Per (classifier, parent keys): what each key is. Keys of analytics events repeat from event to event.
_KEY_CACHE: dict[tuple[NameClassifier, tuple[str, ...]], dict[str, tuple]] = {}
_KEY_CACHE_SIZE = 4096


def key_info(classifier: NameClassifier, key: str, parents: tuple[str, ...]
              ) -> tuple[str | None, NameMatch | None, frozenset[str], bool, bool]:
    """What a key is: personal data itself (a category), or a name (its match, context words,
    whether it names an identifier or a time, and whether it belongs to a business)."""
    if len(key) >= 6:
        category = values.classify_text(key)
        if category in KEY_CATEGORIES:
            return category, None, frozenset(), False, False
    own = split_words(key)
    words = set(own)
    for parent in parents:
        words.update(split_words(parent))
    words.update([w[:-1] for w in words if w.endswith("s")])
    business = is_business(own[:-1], parents)
    return (None, classifier.classify(key, parents), frozenset(words), not values.ID_WORDS.isdisjoint(words),
            business)


def root_context_names(payload: Any) -> dict[str, str]:
    """How top-level containers read as context for names: a group call's ``traits`` describe a company."""
    if payload.__class__ is dict and payload.get("type") == "group":
        return _GROUP_NAMES
    return _NO_NAMES


_GROUP_NAMES = {"traits": "company"}
_NO_NAMES: dict[str, str] = {}


def _steps(step: _Step | None) -> list[_Step]:
    steps = []
    while step is not None:
        steps.append(step)
        step = step[0]
    steps.reverse()
    return steps


def format_path(steps: list[_Step]) -> str:
    """``properties.products[0].email``; keys with dots or brackets are quoted: ``["a.b"]``."""
    parts = []
    for _, key, _, is_index in steps:
        if is_index:
            parts.append(f"[{key}]")
        elif _SIMPLE_KEY_CHARS.isdisjoint(key) and key:
            parts.append(f".{key}" if parts else key)
        else:
            parts.append(f"[{json.dumps(key)}]")
    return "".join(parts)


def format_pointer(steps: list[_Step]) -> str:
    return json_pointer.join(key for _, key, _, _ in steps)
