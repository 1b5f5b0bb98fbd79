"""The one regular-expression dialect of plan ``pattern`` s, and the patterns to warn about.

Patterns are matched by the compiled validator (jsonschema-rs) with its
linear-time engine (Rust's ``regex`` crate, ``RegexOptions``): the syntax of
ECMA-262 regular expressions as JSON Schema specifies, without lookaround and
backreferences, which no linear-time engine can run. Violations are explained
from the same validator's errors, so one engine decides and explains, and no
backtracking engine ever runs on event data: a pattern such as ``^(a+)+$``
costs linear time on any input. Patterns outside the dialect are PL403;
nested quantifiers, which would be exponential in a backtracking engine
(another tool reading the same schema), are warned about as PL406.
"""
from __future__ import annotations

import re
from functools import cache

import jsonschema_rs

_QUANTIFIER = r"(?:[+*?]|\{\d+,\d*\})"
_ATOM = r"(?:\\.|\[(?:\\.|[^\]])*\]|[^\\\[\]()|])"
# a repeated group made only of repeated atoms, so that one input splits in many ways:
# (a+)+, (\w+\s?)*, (?:a*|b)+ -- but not (-[a-z]+)*, where the literal '-' fixes every split
_NESTED_QUANTIFIER = re.compile(rf"\((?:\?:)?(?:(?:{_ATOM}{_QUANTIFIER})+\|?)+\){_QUANTIFIER}")


def pattern_options() -> jsonschema_rs.RegexOptions:
    return jsonschema_rs.RegexOptions()


@cache
def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` is outside the dialect, or None when the validator can use it."""
    try:
        jsonschema_rs.validator_for({"pattern": pattern}, pattern_options=pattern_options())
    except ValueError:
        return "not a regular expression of the supported dialect (ECMA-262 syntax without lookaround " \
               "or backreferences)"
    return None


def has_nested_quantifier(pattern: str) -> bool:
    return _NESTED_QUANTIFIER.search(pattern) is not None


@cache
def _matcher(pattern: str):
    return jsonschema_rs.validator_for({"pattern": pattern}, pattern_options=pattern_options()).is_valid


def pattern_matches(pattern: str, text: str) -> bool:
    """``pattern`` searched in ``text`` by the validator's own linear-time engine."""
    return _matcher(pattern)(text)
