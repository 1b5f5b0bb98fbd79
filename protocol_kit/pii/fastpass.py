"""A first pass that clears events without walking them in Python: a JSON Schema run by jsonschema-rs.

Most events hold nothing personal outside the fields SDKs fill in. For one
event schema, :class:`FastPass` builds a JSON Schema that accepts an event only
when the detector could not report anything undeclared in it, and runs it
with the compiled (Rust) validator:

- every string must be free of ``VALUE_SIGNS``: a superset of what any value
  rule can match without help from a field name (an ``@``, credential
  markers, ``+`` or ``%``, card-sized digit runs, dotted quads, IPv6, MAC,
  IBAN and NI-number shapes, national phone shapes, URL parameters whose
  names hold a word of the name tables); numbers must be below card size;
- every key must be *innocent* (no phrase of the name tables can end it in
  any context and it holds no word that helps a value rule, such as
  ``contact`` or ``ssn``) or be at a place judged before: the fields SDKs
  fill in (``context.ip``: anything goes), fields declared personal, and
  the key paths where a name was seen and found to need nothing but the
  value check (``context.campaign.name``; a planned ``country`` whose
  category has no value rule of its own).

Names are judged once per key, and once per key path; what is learnt comes
from the events the screen had to look at (:meth:`FastPass.learn`), and the
schema is rebuilt when enough is new. An event the fast pass does not
accept goes on to the screen and the detector, which decide.
``tests/pii/test_pii_fastpass.py`` checks with hypothesis that an accepted
event has no undeclared finding.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Mapping

import jsonschema_rs

from protocol_kit import pointer as json_pointer
from protocol_kit.pii import name_table
from protocol_kit.pii.detect import key_info, root_context_names
from protocol_kit.pii.names import NameClassifier
from protocol_kit.pii.rules import PiiRules, path_segments
from protocol_kit.pii.values import HINT_WORDS
from protocol_kit.pii.words import GLUED, split_words

_MARKERS = r"@|%|\+|eyJ|Bearer|Basic|_live_|_test_|gh[pousr]_|github_pat_|AKIA|xox[abprs]-|AIza|; "
# What identifiers and times are searched for (see values.classify_text): emails, credentials,
# international phones, cards (13 digits and more from an issuer's first digit, 2 to 6, not glued to a word);
# the parameters of a URL are judged in full.
_ID_SIGNS = _MARKERS + r"|\?|#|://|(?:^|[^0-9A-Za-z_])[2-6](?:[ -]*[0-9]){12}"
_SIGNS = (
    _MARKERS
    + r"|[0-9](?:[ ().\/-]*[0-9]){8}"                    # nine digits: cards, phones, SSNs
    r"|[A-Za-z]{2}[0-9]{2}(?: *[A-Za-z0-9])*? *[0-9](?: *[0-9]){5}"  # IBAN (six digits in a row, see checks.is_iban)
    r"|[A-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]"                # UK National Insurance number
    r"|[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}"   # IPv4
    r"|:.*:"                                             # IPv6, MAC with colons
    r"|[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}"    # MAC, dotted
)
_UUID = r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
# ISO 8601 times as SDKs write them (Python's isoformat: ``+00:00``), whose ``+`` and colons are signs
# elsewhere: no value rule finds anything in one (at most ten digits in a row, no leading ``+``).
_DATE_TIME = (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?"
              r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$")
# Categories whose name rules add no value rule of their own: under such a name only the signs matter.
_NO_HINT_RULES = frozenset((
    "email", "person_name", "username", "postal_address", "coarse_location", "demographic",
    "special_category", "financial_profile", "birth_date", "credential",
))
_MAX_NUMBER = 10**12


def _card_free_numbers() -> list[dict[str, Any]]:
    """Numbers that cannot be cards: below 13 digits, beyond 19, or of 13 to 19 digits led by 1, 7, 8 or 9
    (no issuer's range starts so): millisecond times and snowflake ids pass."""
    ranges = [(-_MAX_NUMBER, _MAX_NUMBER)]
    for size in range(12, 19):
        ranges += [(10**size, 2 * 10**size), (7 * 10**size, 10**(size + 1))]
    schemas = [{"type": "number", "exclusiveMinimum": low, "exclusiveMaximum": high} for low, high in ranges[:1]]
    for low, high in ranges[1:]:
        schemas += [{"type": "number", "minimum": low, "exclusiveMaximum": high},
                    {"type": "number", "exclusiveMinimum": -high, "maximum": -low}]
    schemas += [{"type": "number", "minimum": 10**19}, {"type": "number", "maximum": -10**19}]
    return schemas


_MAX_KEYS = 4096
def _rebuild_after(builds: int) -> int:
    """Events learnt from before the schema is built again with what they taught: soon at first, then
    seldom (a build takes a millisecond or two). What is learnt is shared by the schemas of a call type,
    so even the first build waits for a few events of the others: a schema built on less rejects most."""
    return (16, 64, 256)[builds] if builds < 3 else 1024


def value_signs(classifier: NameClassifier, *, base: str = _SIGNS) -> str:
    """The pattern of strings the fast pass leaves to the detector: ``base``, and URL parameters
    named with a word of the name tables (short words only as words: ``age`` but not ``page``).

    No look-around: the pattern must stay within what the regex engine runs in linear time.
    """
    return f"{base}|{_url_parameter_signs(classifier)}"


# Every alternative of the URL-parameter signs starts with one of ``?&#;`` and ends in ``=``: a string
# without such a pair has none, and only the strings that have one go to the whole pattern.
_URL_PARAMETER_SHAPE = r"[?&#;](?s:.)*="
_URL_PARAMETER_FORMAT = "protocol-kit-url-parameter-signs"
# the shape first: ``allOf`` stops at the first that fails, and the format is a call into Python
_URL_PARAMETERS = {"allOf": [{"pattern": _URL_PARAMETER_SHAPE}, {"format": _URL_PARAMETER_FORMAT}]}


@lru_cache(maxsize=16)  # one per classifier: every fast pass of a run shares it
def _url_parameter_check(classifier: NameClassifier) -> Callable[[str], bool]:
    """Whether a string holds URL-parameter signs: the pattern of thousands of words compiled once here,
    not in every build of a schema (most of a build's time), and run in linear time by the Rust engine."""
    return jsonschema_rs.validator_for({"pattern": _url_parameter_signs(classifier)}).is_valid


@lru_cache(maxsize=16)
def _url_parameter_signs(classifier: NameClassifier) -> str:
    words = {w for phrase in classifier.rules for w in phrase} | HINT_WORDS | set(GLUED)
    long = "|".join(sorted((re.escape(w) for w in words if len(w) > 3), key=len, reverse=True))
    short = sorted(w for w in words if 0 < len(w) <= 3)
    lower = "|".join(short)
    capital = "|".join(w.capitalize() for w in short) + "|" + "|".join(w.upper() for w in short)
    end = r"(?:e?s)?(?:[^a-z=&#][^=&#]*)?="  # the word ends the name, or a non-lowercase character follows
    return (rf"[?&#;][^=&#]*(?i:{long})[^=&#]*="
            rf"|[?&#;](?:[^=&#]*[^A-Za-z=&#])?(?:{lower}){end}|[?&#;][^=&#]*(?:{capital}){end}"
            r"|[?&#;][^=&#]*[^\x00-\x7f][^=&#]*=")


class Knowledge:
    """What was learnt of names, shared by the fast passes of the events of one call type.

    ``innocent``: keys judged innocent; ``places``: key paths whose names need a check of their own
    (``value``: the generic check; ``id``: identifiers and times, searched for less).
    """

    def __init__(self) -> None:
        self.innocent: set[str] = set()
        self.risky: set[str] = set()
        self.places: dict[tuple[str, ...], str] = {}
        self.judged: set[tuple[str, ...]] = set()
        self.version = 0  # grows with every change
        self.learnt = 0  # events learnt from


class FastPass:
    """Accepts events of one schema that hold nothing the detector would report as undeclared."""

    def __init__(self, rules: PiiRules, classifier: NameClassifier, *, declared: Mapping[str, str | bool],
                 knowledge: Knowledge | None = None):
        self.rules = rules
        self.classifier = classifier
        self.usable = not rules.value_rules  # custom value rules may match anything
        self.declared = dict(declared)
        self.signs = value_signs(classifier)
        self._base_signs = re.compile(_SIGNS)
        self.known = knowledge if knowledge is not None else Knowledge()
        self.scalars: dict[tuple[str, ...], str] = {}  # planned fields that pass on their names
        self._validator = None
        self._built = (-1, 0)  # (knowledge version, events learnt) when the schema was built
        self._builds = 0
        self._own_judged: set[tuple[str, ...]] = set()

    def _signed(self, key: str) -> bool:
        """``re.search(self.signs, key)``: every alternative :func:`value_signs` adds to the base ends in
        ``=``, so a key without one is decided by the base alone, and the whole pattern (some milliseconds
        to compile) is compiled only for keys that hold an ``=``."""
        return bool(self._base_signs.search(key) or "=" in key and re.search(self.signs, key))

    def accepts(self, payload: Any) -> bool:
        if not self.usable or payload.__class__ is not dict:
            return False
        version, learnt = self._built
        if self.known.version != version and self.known.learnt - learnt >= _rebuild_after(self._builds):
            self._validator = jsonschema_rs.validator_for(
                self.schema(), formats={_URL_PARAMETER_FORMAT: _url_parameter_check(self.classifier)},
                validate_formats=True)
            self._built = (self.known.version, self.known.learnt)
            self._builds += 1
        return self._validator is not None and self._validator.is_valid(payload)

    def learn(self, payload: Any) -> None:
        """Judge the names of ``payload`` that are not known yet (an event the screen cleared)."""
        if not self.usable or payload.__class__ is not dict:
            return
        names = root_context_names(payload)
        judged = self.known.judged
        stack: list[tuple[Any, tuple[str, ...], tuple[str, ...]]] = [(payload, (), ())]
        while stack:
            node, steps, parents = stack.pop()
            if node.__class__ is list:
                stack.extend((item, (*steps, "*"), parents) for item in node if item.__class__ in (dict, list))
                continue
            for key, child in node.items():
                if key.__class__ is not str:
                    continue
                path = (*steps, key)
                # planned fields again for each schema: their declarations differ between schemas
                if path not in judged or path not in self._own_judged and _pointer(path) in self.declared:
                    self._judge(key, path, parents, child)
                if child.__class__ in (dict, list):
                    inner = (*parents[-1:], names.get(key, key) if not steps else key)
                    stack.append((child, path, inner))
        self.known.learnt += 1

    def _judge(self, key: str, path: tuple[str, ...], parents: tuple[str, ...], child: Any) -> None:
        """Innocent keys pass anywhere (with the generic check); a path is a place when its name needs
        one: an identifier or time (a weaker check) or a name the tables know (see :meth:`_place`)."""
        known = self.known
        if len(known.judged) < _MAX_KEYS:
            known.judged.add(path)
        self._own_judged.add(path)
        if key not in known.innocent and key not in known.risky:
            if self._innocent_name(key):
                if len(known.innocent) < _MAX_KEYS:
                    known.innocent.add(key)
                    known.version += 1
            else:
                known.risky.add(key)
        place = self._place(key, path, parents, child)
        if place == "scalar":
            self.scalars[path] = place
            known.version += 1
        elif place is not None and (place == "id" or key not in known.innocent) and len(known.places) < _MAX_KEYS:
            if known.places.get(path) != place:
                known.places[path] = place
                known.version += 1

    def _innocent_name(self, key: str) -> bool:
        if self._signed(key) or not key.isascii():
            return False
        category, _, words, _, _ = key_info(self.classifier, key, ())
        return category is None and not self.classifier_could_match(key) and HINT_WORDS.isdisjoint(words)

    def classifier_could_match(self, key: str) -> bool:
        """Whether a phrase of the tables is among the words of ``key``, read as the classifier reads
        them (singular, without digits or hash words, ``no`` as ``number``), in any context."""
        words = [self.classifier._singular(w) for w in split_words(key)]
        words = [w for w in words if not w.isdigit() and w not in name_table.HASH_WORDS]
        numbered = ["number" if w in name_table.NUMBER_ABBREVIATIONS else w for w in words]
        rules, longest = self.classifier.rules, self.classifier.longest
        return any(tuple(seq[i:j]) in rules for seq in (words, numbered)
                   for i in range(len(seq)) for j in range(i + 1, min(len(seq), i + longest) + 1))

    def _place(self, key: str, path: tuple[str, ...], parents: tuple[str, ...], child: Any) -> str | None:
        """How the value at ``path`` is checked: ``value`` (the generic check), or None: not here."""
        category, match, words, _, _ = key_info(self.classifier, key, parents)
        if category is not None or not HINT_WORDS.isdisjoint(words) or self._signed(key):
            return None
        if match is None:
            return "id" if key_info(self.classifier, key, parents)[3] and child.__class__ not in (dict, list) \
                else "value"
        declared = self.declared.get(_pointer(path))
        if (declared is False and match.strength == "strong" and match.category in _NO_HINT_RULES
                and child.__class__ not in (dict, list)):
            return "scalar"
        return None

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of accepted events, from what is declared, expected and learnt."""
        tree: dict = {}
        for steps in self._anything_places():
            _insert(tree, steps, "any")
        for steps, place in (*self.known.places.items(), *self.scalars.items()):
            _insert(tree, steps, place)
        # the URL-parameter signs (thousands of name-table words) are a format checked by a pattern compiled
        # once (see _url_parameter_check), for the strings shaped like a URL parameter; not matching
        # ``base|url`` is matching neither
        url = {"$ref": "#/$defs/url-parameters"}
        strings = {"type": "string", "anyOf": [{"not": {"anyOf": [{"pattern": _SIGNS}, url]}}, {"pattern": _UUID},
                                               {"pattern": _DATE_TIME}]}
        numbers = {"type": "number", "exclusiveMaximum": _MAX_NUMBER, "exclusiveMinimum": -_MAX_NUMBER}
        string = {"$ref": "#/$defs/string"}  # one definition: its patterns are compiled once per build
        generic = {"anyOf": [  # the most frequent kinds first: anyOf stops at the first that holds
            string,
            # known keys as properties, not an enum of names: a property is found by hashing
            {"type": "object", "properties": {key: {"$ref": "#/$defs/generic"} for key in sorted(self.known.innocent)},
             "additionalProperties": False},
            numbers,
            {"type": "array", "items": {"$ref": "#/$defs/generic"}},
            {"type": ["null", "boolean"]},
        ]}
        scalar = {"anyOf": [string, numbers, {"type": ["null", "boolean"]}]}
        identifier = {"anyOf": [{"type": ["null", "boolean"]},
                                {"type": "string", "not": {"anyOf": [{"pattern": _ID_SIGNS}, url]}},
                                {"type": "string", "pattern": _DATE_TIME}, *_card_free_numbers()]}
        return {"$defs": {"generic": generic, "scalar": scalar, "id": identifier, "string": strings,
                          "url-parameters": _URL_PARAMETERS},
                **_node_schema(tree, sorted(self.known.innocent))}

    def _anything_places(self) -> list[tuple[str, ...]]:
        places = [segments for p in self.rules.expected_paths
                  if p.endswith(".**") and (segments := path_segments(p[:-3])) is not None]
        places += [segments for p in self.rules.expected_paths if (segments := path_segments(p)) is not None]
        places += [tuple(p.split("/")[1:]) for p, category in self.declared.items()
                   if category not in (None, False) and "~" not in p]
        return places


def _insert(tree: dict, steps: tuple[str, ...], place: str) -> None:
    node = tree
    for step in steps[:-1]:
        node = node.setdefault(step, {})
        if node.get("") == "any":
            return
    last = node.setdefault(steps[-1], {})
    if place == "any" or "" not in last:
        last[""] = place


def _node_schema(node: dict, innocent: list[str]) -> dict[str, Any]:
    """The schema of a place: its known keys by their own schemas, other keys innocent and generic."""
    place = node.get("")
    if place == "any":
        return {}
    if place in ("scalar", "id"):
        return {"$ref": f"#/$defs/{place}"}
    children = {key: _node_schema(child, innocent) for key, child in node.items() if key not in ("", "*")}
    items = _node_schema(node["*"], innocent) if "*" in node else {"$ref": "#/$defs/generic"}
    return {"anyOf": [
        {"type": "object", "properties": {**{key: {"$ref": "#/$defs/generic"} for key in innocent}, **children},
         "additionalProperties": False},
        {"$ref": "#/$defs/scalar"},
        {"type": "array", "items": items},
    ]}


def _pointer(path: tuple[str, ...]) -> str:
    return json_pointer.join(path)
