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

from protocol_kit.pii.detect import key_info, quiet_id, quiet_text, root_context_names
from protocol_kit.pii.leaf import judge
from protocol_kit.pii.names import NameMatch, classifier_for
from protocol_kit.pii.rules import PiiRules

_SKIP, _LEAF, _FLAG = 0, 1, 2
# An entry: what is known of one key of one container (or of the items of one array).
_KIND, _WHERE, _PATH, _PARENTS, _MATCH, _WORDS, _DECLARED, _ID_LIKE, _CLEARED, _TABLE, _ITEMS, _FLAT, _BUSINESS \
    = range(13)
_TABLE_NAME, _FLAT_HITS = 13, 14
_FLAT_PER_KEY = 256  # cleared objects of scalars remembered per key (context.os, context.library...)
_TABLE_SIZE = 4096  # keys remembered per container (dynamic keys must not grow it without bound)
_CLEARED_PER_KEY = 64  # cleared strings remembered per key
_VERDICT_LENGTH = 512
_SIMPLE = frozenset(".[]\"~/")


class Screen:
    """Clears payloads of one event schema that cannot hold undeclared personal data.

    ``declared``: JSON pointers (``*`` for array items) to a category, or to
    False for fields declared not personal; a category covers what is nested inside.
    ``settled``: pointers whose valid values cannot be free-form data. Only
    payloads valid against the schema may be screened (a value breaking its
    enum is not settled).
    """

    def __init__(self, rules: PiiRules, *, declared: Mapping[str, str | bool] | None = None,
                 settled: Collection[str] = ()):
        self.rules = rules
        self.classifier = classifier_for(rules.name_rules)
        self.declared = dict(declared or {})
        self.settled = frozenset(settled)
        self.usable = not rules.value_rules  # custom value rules may match anything
        self._tables: dict[str, dict[Any, list]] = {}
        self._root = self._make(_SKIP, "", "", (), None, frozenset(), None, False)
        self._group_root = self._make(_SKIP, "group:", "", (), None, frozenset(), None, False)

    def clears(self, payload: Any) -> bool:
        """True when ``payload`` holds nothing the detector would report as undeclared."""
        if not self.usable or payload.__class__ is not dict:
            return False
        root = self._group_root if root_context_names(payload) else self._root
        stack = [(payload, root)]
        while stack:
            container, entry = stack.pop()
            clear = self._dict(container, entry, stack) if container.__class__ is dict \
                else self._list(container, entry, stack)
            if not clear:
                return False
        return True

    def _dict(self, mapping: dict, parent: list, stack: list) -> bool:
        flat = parent[_FLAT]
        if flat is not None:  # objects of scalars that repeat whole are looked up whole
            try:
                # with the types: 1 == 1.0 == True, but the detector judges them apart
                snapshot = (tuple(mapping.items()), tuple(map(type, mapping.values())))
                if snapshot in flat:
                    parent[_FLAT_HITS] += 1
                    return True
            except TypeError:  # holds objects or arrays: look at each key, at this place from now on
                flat = parent[_FLAT] = None
        if not self._keys(mapping, parent, stack):
            return False
        if flat is not None:
            if len(flat) >= _FLAT_PER_KEY:
                if not parent[_FLAT_HITS]:  # objects that never repeat (ids, urls): stop remembering them
                    parent[_FLAT] = None
                    return True
                flat.clear()
                parent[_FLAT_HITS] = 0
            flat.add(snapshot)
        return True

    def _keys(self, mapping: dict, parent: list, stack: list) -> bool:
        table = parent[_TABLE]
        for key, child in mapping.items():
            entry = table.get(key)
            if entry is None:
                if len(table) > _TABLE_SIZE:
                    table.clear()  # dynamic keys (ids, emails) must not grow it without bound
                entry = table[key] = self._entry(key, parent)
            kind, cls = entry[_KIND], child.__class__
            if cls is str:
                if kind != _LEAF:
                    if kind == _FLAG:
                        return False
                    continue
                if entry[_MATCH] is None:
                    if len(child) < 4 or child.isalpha() or child in entry[_CLEARED]:
                        continue
                    if entry[_ID_LIKE] and quiet_id(child):  # ids and times are new in every event
                        continue
                if not self._leaf_clear(child, entry):
                    return False
            elif cls is dict or cls is list:
                if kind == _FLAG:
                    return False
                if entry[_DECLARED] in (None, False):  # a field declared personal is so with all inside it
                    stack.append((child, entry))
            elif kind == _LEAF:
                if entry[_MATCH] is None and (cls is bool or cls is float or child is None
                                              or cls is int and -10**12 < child < 10**12):
                    continue  # numbers prove nothing without a name, except card-sized integers
                if not self._leaf_clear(child, entry):
                    return False
            elif kind == _FLAG:
                return False
        return True

    def _list(self, items: list, parent: list, stack: list) -> bool:
        entry = parent[_ITEMS]
        if entry is None:
            entry = parent[_ITEMS] = self._items_entry(parent)
        if entry[_DECLARED] not in (None, False):
            return True
        for item in items:
            if item.__class__ is dict or item.__class__ is list:
                stack.append((item, entry))
            elif entry[_KIND] == _LEAF and not self._leaf_clear(item, entry):
                return False
        return True

    def _entry(self, key: Any, parent: list) -> list:
        """What to do with ``key`` in the container of ``parent``: skip it, judge its value, or give up."""
        if key.__class__ is not str or not key or not _SIMPLE.isdisjoint(key):
            return self._make(_FLAG, "", None, (), None, frozenset(), None, False)
        parents, dotted = parent[_PARENTS], parent[_PATH]
        key_category, match, words, id_like, business = key_info(self.classifier, key, parents)
        at_root = parent is self._root or parent is self._group_root
        where = ("" if at_root else parent[_WHERE]) + "/" + key
        path = None if dotted is None else f"{dotted}.{key}" if dotted else key
        inner = (*parents[-1:], key) if not at_root else \
            ("company",) if parent is self._group_root and key == "traits" else (key,)
        kind = _FLAG if key_category is not None else self._kind(where, path, match)
        entry = self._make(kind, where, path, inner, match, words, self.declared.get(where), id_like,
                           table_of=("group:" if parent is self._group_root else "") + where)
        entry[_BUSINESS] = business
        return entry

    def _items_entry(self, parent: list) -> list:
        """The entry of the items of the array of ``parent``: its name and parents, pointer ``.../*``."""
        where = parent[_WHERE] + "/*"
        path = None if parent[_PATH] is None else parent[_PATH] + "[*]"
        kind = _FLAG if parent[_KIND] == _FLAG else self._kind(where, path, parent[_MATCH])
        return self._make(kind, where, path, parent[_PARENTS], parent[_MATCH], parent[_WORDS],
                          self.declared.get(where), False, table_of=parent[_TABLE_NAME] + "/*")

    def _kind(self, where: str, path: str | None, match: NameMatch | None) -> int:
        if self.declared.get(where) not in (None, False) or (path is not None and self.rules.is_expected(path)):
            return _SKIP
        return _SKIP if where in self.settled and match is None else _LEAF

    def _make(self, kind: int, where: str, path: str | None, parents: tuple[str, ...], match: NameMatch | None,
              words: frozenset[str], declaration: Any, id_like: bool, *, table_of: str | None = None) -> list:
        name = where if table_of is None else table_of
        table = self._tables.setdefault(name, {})
        return [kind, where, path, parents, match, words, declaration, id_like, set(), table, None, set(), False, name, 0]

    def _leaf_clear(self, value: Any, entry: list) -> bool:
        """A value of a key seen before; short strings that are cleared are remembered per key."""
        clear = self._judged_clear(value, entry)
        if clear and value.__class__ is str and len(value) <= _VERDICT_LENGTH and not entry[_ID_LIKE]:
            cleared = entry[_CLEARED]
            if len(cleared) >= _CLEARED_PER_KEY:
                cleared.clear()  # values new in every event must not fill it
            cleared.add(value)
        return clear

    def _judged_clear(self, value: Any, entry: list) -> bool:
        """The detector's own quick tests first (as in ``detect._Walk._dict``), then its verdict."""
        match, kind = entry[_MATCH], value.__class__
        if match is None:
            if kind is str:
                if len(value) < 4 or value.isalpha() or (quiet_id(value) if entry[_ID_LIKE] else quiet_text(value)):
                    return True
            elif kind is float or kind is bool or value is None or kind is int and -10**12 < value < 10**12:
                return True
        verdict = judge(value, match, entry[_WORDS], self.rules, business=entry[_BUSINESS])
        return verdict is None or (entry[_DECLARED] is False and verdict[1] == "name")
