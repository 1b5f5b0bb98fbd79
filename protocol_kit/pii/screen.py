"""A cheap first look at a payload: could :func:`find_undeclared_pii` report anything in it?

The validator looks at every event that passed schema validation, and most
carry no personal data. :class:`Screen` answers for one event schema, with
what is known of each field in advance: fields declared personal, expected
SDK fields (``context.ip``) and fields whose values the schema settles
(enums, booleans, ``date-time``, ``uuid``: valid values there hold no
free-form data) are skipped. What each key is, is worked out once per
(container, key), so a payload costs a dict lookup per key and the
detector's own quick tests per value.

The screen is conservative: when it clears a payload, the detector finds
nothing undeclared in it (tests compare both on corpora). When it cannot
clear one, the detector decides.
"""
from __future__ import annotations

from typing import Any, Collection, Mapping

from protocol_kit.pii.detect import _key_info, _quiet_id, _quiet_text
from protocol_kit.pii.leaf import judge
from protocol_kit.pii.names import NameMatch, classifier_for
from protocol_kit.pii.rules import PiiRules

_SKIP, _LEAF, _FLAG = 0, 1, 2
_TABLE_SIZE = 4096  # keys remembered per container (dynamic keys must not grow it without bound)
_CLEARED_PER_KEY = 64  # cleared strings remembered per key
_VERDICT_LENGTH = 512
_SIMPLE = frozenset(".[]\"~/")


class Screen:
    """Clears payloads of one event schema that cannot hold undeclared personal data.

    ``declared``: JSON pointers (``*`` for array items) to a category, or to
    False for fields declared not personal; a category covers what is nested inside. ``settled``: pointers whose valid
    values cannot be free-form data. Only payloads valid against the schema
    may be screened (a value breaking its enum is not settled).
    """

    def __init__(self, rules: PiiRules, *, declared: Mapping[str, str | bool] | None = None,
                 settled: Collection[str] = ()):
        self.rules = rules
        self.classifier = classifier_for(rules.name_rules)
        self.declared = dict(declared or {})
        self.settled = frozenset(settled)
        self.usable = not rules.value_rules  # custom value rules may match anything
        self._tables: dict[str, dict[Any, tuple]] = {}

    def clears(self, payload: Any) -> bool:
        """True when ``payload`` holds nothing the detector would report as undeclared."""
        if not self.usable or payload.__class__ is not dict:
            return False
        stack: list[tuple[Any, str, str | None, tuple[str, ...], NameMatch | None, frozenset[str], Any]] = [
            (payload, "", "", (), None, frozenset(), None)]
        while stack:
            container, pointer, dotted, parents, match, words, declaration = stack.pop()
            if container.__class__ is list:
                if not self._list(container, pointer, dotted, parents, match, words, declaration, stack):
                    return False
            elif not self._dict(container, pointer, dotted, parents, stack):
                return False
        return True

    def _dict(self, mapping: dict, pointer: str, dotted: str | None, parents: tuple[str, ...], stack: list) -> bool:
        table = self._tables.get(pointer)
        if table is None or len(table) > _TABLE_SIZE:
            table = self._tables[pointer] = {}
        for key, child in mapping.items():
            entry = table.get(key)
            if entry is None:
                entry = table[key] = self._entry(key, pointer, dotted, parents)
            kind = entry[0]
            cls = child.__class__
            if cls is str and kind == _LEAF:
                # what repeats from event to event (user agents, versions) was cleared before
                if child in entry[8] or (entry[4] is None and (len(child) < 4 or child.isalpha())):
                    continue
                if not self._leaf_clear(child, entry):
                    return False
            elif cls is dict or cls is list:
                if kind == _FLAG:
                    return False
                if entry[6] in (None, False):  # a field declared personal is so with everything inside it
                    stack.append((child, *entry[1:7]))
            elif kind == _FLAG or kind == _LEAF and not self._leaf_clear(child, entry):
                return False
        return True

    def _list(self, items: list, pointer: str, dotted: str | None, parents: tuple[str, ...], match: NameMatch | None,
              words: frozenset[str], declaration: Any, stack: list) -> bool:
        where, path = pointer + "/*", None if dotted is None else dotted + "[*]"
        item_declaration = self.declared.get(where)
        if item_declaration not in (None, False):
            return True
        for item in items:
            if item.__class__ is dict or item.__class__ is list:
                stack.append((item, where, path, parents, match, words, item_declaration))
            elif path and self.rules.is_expected(path):
                continue
            elif where in self.settled and match is None:
                continue
            elif not self._judged_clear(item, match, words, item_declaration, False):
                return False
        return True

    def _entry(self, key: Any, pointer: str, dotted: str | None, parents: tuple[str, ...]) -> tuple:
        """What to do with ``key`` of the container at ``pointer``: skip, judge its value, or give up."""
        if key.__class__ is not str:
            return (_FLAG, "", None, (), None, frozenset(), None, False, None)
        key_category, match, words, id_like = _key_info(self.classifier, key, parents)
        where = pointer + "/" + key
        simple = _SIMPLE.isdisjoint(key) and key
        path = (dotted + "." + key if dotted else key) if simple and dotted is not None else None
        declaration = self.declared.get(where) if simple else None
        inner = (*parents[-1:], key)
        if key_category is not None or not simple:
            return (_FLAG, where, path, inner, match, words, declaration, id_like, set())
        if declaration not in (None, False) or (path is not None and self.rules.is_expected(path)):
            return (_SKIP, where, path, inner, match, words, declaration, id_like, set())
        if where in self.settled and match is None:
            return (_SKIP, where, path, inner, match, words, declaration, id_like, set())
        return (_LEAF, where, path, inner, match, words, declaration, id_like, set())

    def _leaf_clear(self, value: Any, entry: tuple) -> bool:
        """A value of a key seen before; short strings that are cleared are remembered per key."""
        _, _, _, _, match, words, declaration, id_like, cleared = entry
        clear = self._judged_clear(value, match, words, declaration, id_like)
        if clear and value.__class__ is str and len(value) <= _VERDICT_LENGTH:
            if len(cleared) >= _CLEARED_PER_KEY:
                cleared.clear()  # ids and timestamps are new in every event: keep the set small
            cleared.add(value)
        return clear

    def _judged_clear(self, value: Any, match: NameMatch | None, words: frozenset[str], declaration: Any,
                      id_like: bool) -> bool:
        """The detector's own quick tests first (as in ``detect._Walk._dict``), then its verdict."""
        kind = value.__class__
        if match is None:
            if kind is str:
                if len(value) < 4 or value.isalpha() or (_quiet_id(value) if id_like else _quiet_text(value)):
                    return True
            elif kind is float or kind is bool or value is None or kind is int and -10**12 < value < 10**12:
                return True
        verdict = judge(value, match, words, self.rules)
        return verdict is None or (declaration is False and verdict[1] == "name")

