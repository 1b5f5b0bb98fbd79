"""Building :class:`PiiRules` from the ``[tool.protocol-kit.pii]`` table.

Every problem is a :class:`~protocol_kit.errors.ConfigError` naming the key,
such as ``tool.protocol-kit.pii.allow[2].reason: required``.
"""
from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from protocol_kit.errors import ConfigError, InputError
from protocol_kit.pii.categories import CATEGORIES, SENSITIVITIES
from protocol_kit.pii.finding import PiiFinding
from protocol_kit.pii.rules import DEFAULT_EXPECTED_PATHS, SEVERITIES, AllowEntry, PiiRules, ValueRule

if TYPE_CHECKING:  # baselines load only when one is given
    from protocol_kit.baseline import Baseline

PREFIX = "tool.protocol-kit.pii"
_TOP_KEYS = ("allow", "names", "values", "expected-paths", "expected-paths-replace", "severity", "baseline", "salt")
_ALLOW_KEYS = ("event", "path", "category", "value", "reason")
_VALUE_KEYS = ("pattern", "category")


def rules_from_config(table: Mapping[str, Any], *, base_dir: Path | str | None = None) -> PiiRules:
    """The rules a ``[tool.protocol-kit.pii]`` table describes; ``baseline`` is read relative to ``base_dir``."""
    _expect(table, Mapping, PREFIX, "a table")
    _no_unknown_keys(table, _TOP_KEYS, PREFIX)
    fields: dict[str, Any] = {}
    if "allow" in table:
        fields["allow"] = tuple(_allow_entry(entry, f"{PREFIX}.allow[{i}]")
                                for i, entry in enumerate(_list(table["allow"], f"{PREFIX}.allow")))
    if "names" in table:
        fields["name_rules"] = _name_rules(table["names"])
    if "values" in table:
        fields["value_rules"] = tuple(_value_rule(entry, f"{PREFIX}.values[{i}]")
                                      for i, entry in enumerate(_list(table["values"], f"{PREFIX}.values")))
    fields["expected_paths"] = _expected_paths(table)
    if "severity" in table:
        fields["severities"] = _severities(table["severity"])
    if "salt" in table:  # for hashing by the validator (see protocol_kit/validation/personal.py)
        _expect(table["salt"], str, f"{PREFIX}.salt", "a string")
    if "baseline" in table:
        _expect(table["baseline"], str, f"{PREFIX}.baseline", "a file path")
        fields["baseline"] = load_baseline(Path(base_dir or ".") / table["baseline"], key=f"{PREFIX}.baseline")
    return PiiRules(**fields)


def load_baseline(path: Path, *, key: str = "baseline") -> Baseline:
    """The baseline file at ``path`` (any format :func:`protocol_kit.baseline.load` reads); errors name ``key``."""
    from protocol_kit import baseline as baseline_file

    try:
        return baseline_file.load(path)
    except InputError as error:
        raise ConfigError(f"{key}: {error}") from None


def baseline_of(findings: Iterable[PiiFinding]) -> Baseline:
    """The baseline accepting ``findings``: one entry per signature and category."""
    from protocol_kit.baseline import Baseline, Entry

    return Baseline(tuple(Entry(f.signature, category=f.category) for f in findings))


def baseline_entries(findings: Iterable[PiiFinding]) -> dict[str, Any]:
    """The JSON document of the baseline accepting ``findings`` (sorted, without duplicates), to write to a file."""
    return baseline_of(findings).to_dict()


def _allow_entry(entry: Any, key: str) -> AllowEntry:
    _expect(entry, Mapping, key, "a table")
    _no_unknown_keys(entry, _ALLOW_KEYS, key)
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise ConfigError(f"{key}.reason: required: say why these findings are allowed")
    if not any(name in entry for name in ("event", "path", "category", "value")):
        raise ConfigError(f"{key}: give at least one of event, path, category or value")
    for name in ("event", "path"):
        if name in entry:
            _expect(entry[name], str, f"{key}.{name}", "a glob string")
    return AllowEntry(
        reason=reason,
        event=entry.get("event"),
        path=entry.get("path"),
        category=_category(entry["category"], f"{key}.category") if "category" in entry else None,
        value=_regex(entry["value"], f"{key}.value") if "value" in entry else None,
    )


def _expected_paths(table: Mapping[str, Any]) -> tuple[str, ...]:
    """``expected-paths`` extend the defaults; with ``expected-paths-replace = true`` they replace them."""
    given = tuple(_strings(table.get("expected-paths", []), f"{PREFIX}.expected-paths"))
    replace = table.get("expected-paths-replace", False)
    _expect(replace, bool, f"{PREFIX}.expected-paths-replace", "true or false")
    if replace:
        return given
    return DEFAULT_EXPECTED_PATHS + tuple(p for p in given if p not in DEFAULT_EXPECTED_PATHS)


def _severities(table: Any) -> tuple[tuple[str, str], ...]:
    key = f"{PREFIX}.severity"
    _expect(table, Mapping, key, "a table of category or sensitivity = severity")
    chosen = []
    for name, severity in table.items():
        if name not in CATEGORIES and name not in SENSITIVITIES:
            raise ConfigError(f"{key}.{name}: unknown category or sensitivity; expected one of "
                              f"{', '.join((*SENSITIVITIES, *CATEGORIES))}")
        if severity not in SEVERITIES:
            raise ConfigError(f"{key}.{name}: expected one of {', '.join(SEVERITIES)}, got {severity!r}")
        chosen.append((name, severity))
    return tuple(chosen)


def _name_rules(names: Any) -> tuple[tuple[str, str], ...]:
    key = f"{PREFIX}.names"
    _expect(names, Mapping, key, "a table of word or phrase = category")
    return tuple((phrase, _category(category, f"{key}.{phrase}")) for phrase, category in names.items())


def _value_rule(entry: Any, key: str) -> ValueRule:
    _expect(entry, Mapping, key, "a table with pattern and category")
    _no_unknown_keys(entry, _VALUE_KEYS, key)
    for name in _VALUE_KEYS:
        if name not in entry:
            raise ConfigError(f"{key}.{name}: required")
    return ValueRule(_regex(entry["pattern"], f"{key}.pattern"), _category(entry["category"], f"{key}.category"))


def _category(value: Any, key: str) -> str:
    if value not in CATEGORIES:
        raise ConfigError(f"{key}: unknown category {value!r}; expected one of {', '.join(CATEGORIES)}")
    return value


def _regex(value: Any, key: str) -> re.Pattern[str]:
    _expect(value, str, key, "a regular expression string")
    try:
        return re.compile(value)
    except re.error as error:
        raise ConfigError(f"{key}: invalid regular expression: {error}") from None


def _list(value: Any, key: str) -> list:
    _expect(value, list, key, "an array of tables")
    return value


def _strings(value: Any, key: str) -> list[str]:
    _expect(value, list, key, "an array of strings")
    for i, item in enumerate(value):
        _expect(item, str, f"{key}[{i}]", "a string")
    return value


def _no_unknown_keys(table: Mapping, known: tuple[str, ...], key: str) -> None:
    for name in table:
        if name not in known:
            raise ConfigError(f"{key}.{name}: unknown key; expected one of {', '.join(known)}")


def _expect(value: Any, kind: type, key: str, what: str) -> None:
    if not isinstance(value, kind):
        raise ConfigError(f"{key}: expected {what}, got {type(value).__name__}")
