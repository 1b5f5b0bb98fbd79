"""Configuration from ``[tool.protocol-kit]`` in the nearest ``pyproject.toml``.

What may be written there is declared once, in ``config.schema.json`` (a JSON
Schema; docs/config.md is generated from it). Loading checks the whole table
against it: keys are kebab-case, with the snake_case spelling accepted as the
same key in every table; an unknown key or table is an error with the closest
known key; every error names the file and the key. The code policies (select,
ignore, severity, per-file-ignores) are parsed here for every command; the
other tables are handed, with their keys in kebab-case, to the stage that owns
them (``validate``, ``pii``, ``scan``, ``diff``, ``codegen``).
"""
from __future__ import annotations

import datetime
import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from protocol_kit.cache import cache_folder, read_cached, write_cached
from protocol_kit.codes import CODES
from protocol_kit.errors import ConfigError
from protocol_kit.policy import CodePolicy
from protocol_kit.suggest import did_you_mean
from protocol_kit.violation import Location

TABLE = "tool.protocol-kit"
SCHEMA_FILE = Path(__file__).with_name("config.schema.json")
COMMAND_TABLES = ("lint", "validate", "scan")  # tables that may hold a code policy of their own
STAGE_TABLES = ("validate", "pii", "scan", "diff", "codegen", "infer", "pytest")  # tables parsed by their stage
POLICY_KEYS = ("select", "ignore", "severity", "per-file-ignores", "actions")


@dataclass(frozen=True, slots=True)
class Config:
    root: Path = Path(".")
    file: Path | None = None
    plans: tuple[Path, ...] = ()
    schemas: Path = Path("schemas")
    policies: Mapping[str, CodePolicy] = field(default_factory=dict)  # "" (every command), lint, validate, scan
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # validate, pii, scan, diff, codegen

    def section(self, name: str) -> Mapping[str, Any]:
        """A stage's table, keys in kebab-case, without its code policy."""
        return self.sections.get(name, MappingProxyType({}))

    def policy(self, command: str) -> CodePolicy:
        """The code policy of ``command``: the top-level one with the command's own over it."""
        top = self.policies.get("", CodePolicy())
        own = self.policies.get(command)
        return top if own is None else top.merged(own)

    @property
    def lint(self) -> CodePolicy:
        return self.policy("lint")


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> Config:
    """The configuration of the project around ``start`` (default: the working directory)."""
    path = find_pyproject(start)
    if path is None:
        return Config(root=(start or Path.cwd()))
    try:
        document = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", Location(file=str(path))) from None
    table = document.get("tool", {}).get("protocol-kit", {})
    return config_from_table(table, root=path.parent, file=path)


def config_from_table(table: Mapping[str, Any], *, root: Path, file: Path | None = None) -> Config:
    where = Location(file=str(file) if file else None)
    table = normalised(table, schema(), TABLE, where)
    verdict = _verdict_file(root)
    key = _verdict_key(table) if verdict is not None else b""
    if verdict is None or read_cached(verdict) != key:
        check_against_schema(table, where)
        if verdict is not None:
            write_cached(verdict, key)
    plans = table.get("plans", [])
    plans = [plans] if isinstance(plans, str) else plans
    policies = {"": _policy(table, TABLE, where)}
    policies.update({name: _policy(table[name], f"{TABLE}.{name}", where) for name in COMMAND_TABLES if name in table})
    sections = {name: MappingProxyType({k: v for k, v in table.get(name, {}).items()
                                        if name not in COMMAND_TABLES or k not in POLICY_KEYS})
                for name in STAGE_TABLES}
    return Config(root=root, file=file, plans=tuple(root / p for p in plans),
                  schemas=root / table.get("schemas", "schemas"), policies=MappingProxyType(policies),
                  sections=MappingProxyType(sections))


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of ``[tool.protocol-kit]``."""
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text("utf-8"))
    return loaded


def normalised(value: Any, node: Mapping[str, Any], name: str, where: Location) -> Any:
    """``value`` with the keys of every fixed-key table in kebab-case; unknown keys are errors.

    Tables whose keys are the user's (codes, file patterns, field names) keep them as written.
    """
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        return [normalised(item, node["items"], f"{name}[{i}]", where) for i, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    known: Mapping[str, Any] | None = node.get("properties")
    if known is None:
        values = node.get("additionalProperties")
        if not isinstance(values, dict):
            return value
        return {key: normalised(item, values, f"{name}.{key}", where) for key, item in value.items()}
    result: dict[str, Any] = {}
    for key, item in value.items():
        kebab = key.replace("_", "-")
        if kebab not in known:
            raise ConfigError(_unknown(key, item, known, name), where)
        if kebab in result:
            raise ConfigError(f"[{name}] has both '{kebab}' and '{kebab.replace('-', '_')}': they are one key; "
                              "keep one", where)
        child = known[kebab]
        result[kebab] = normalised(item, child, f"{name}.{kebab}" if "properties" in child else name, where)
    return result


def _unknown(key: str, value: Any, known: Mapping[str, Any], name: str) -> str:
    kebab = key.replace("_", "-")
    hint = did_you_mean(kebab, known)
    if isinstance(value, dict) and any("properties" in node for node in known.values()):
        return f"unknown table [{name}.{key}]{hint or _expected(known)}"
    return f"unknown key '{key}' in [{name}]{hint or _expected(known)}"


def _expected(known: Mapping[str, Any]) -> str:
    return f"; expected one of: {', '.join(known)}"


def check_against_schema(table: Mapping[str, Any], where: Location) -> None:
    """The first error of ``table`` against the schema, naming the table and the key."""
    dated = _first_toml_time(table, [])
    if dated is not None:  # no key takes one, and JSON Schema has no such type
        path, value = dated
        _fail_at(path, f"a TOML {type(value).__name__} ({value.isoformat()}); quote it if a string was meant", where)
    error = next(iter(_validator().iter_errors(table)), None)
    if error is not None:
        _fail_at(list(error.instance_path), repr(_value_at(table, list(error.instance_path))), where)


def _fail_at(path: list[Any], got: str, where: Location) -> None:
    tables = {name for name, node in schema()["properties"].items() if "properties" in node}
    expected = _expectation(_node_at(path))
    keys = list(path)
    section = f"{TABLE}.{keys.pop(0)}" if len(keys) > 1 and keys[0] in tables else TABLE
    raise ConfigError(f"[{section}] {_key_path(keys)}: expected {expected}, got {got}", where)


def _first_toml_time(value: Any, path: list[Any]) -> tuple[list[Any], Any] | None:
    """Where ``value`` holds a TOML date, time or date-time (tomllib reads them as datetime objects)."""
    if isinstance(value, (datetime.date, datetime.time)):
        return path, value
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        found = _first_toml_time(child, [*path, key])
        if found is not None:
            return found
    return None


VERDICT_FILE = "config-checked"


def _verdict_file(root: Path) -> Path | None:
    """Where the verdict of the last table that passed the schema check is kept: the project's cache folder,
    when there is one (commands with a cache make it). An unchanged configuration is then not checked
    again, and jsonschema-rs is not loaded for it."""
    folder = cache_folder(root)
    return folder / VERDICT_FILE if folder.is_dir() else None


def _verdict_key(table: Mapping[str, Any]) -> bytes:
    """What decides the verdict: the table (its repr tells a date from a string), the schema and this module."""
    from protocol_kit import __version__

    stamps = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in (Path(__file__), SCHEMA_FILE))
    return repr((__version__, stamps, table)).encode("utf-8", "surrogatepass")


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema_rs

    return jsonschema_rs.validator_for(schema())


def _node_at(path: list[Any]) -> Mapping[str, Any]:
    node: Mapping[str, Any] = schema()
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        elif part in node.get("properties", {}):
            node = node["properties"][part]
        else:
            node = node.get("additionalProperties") or {}
    return node


def _value_at(table: Any, path: list[Any]) -> Any:
    for part in path:
        table = table[part]
    return table


def _expectation(node: Mapping[str, Any]) -> str:
    if "enum" in node:
        return "one of " + ", ".join(map(str, node["enum"]))
    items = node.get("items")
    if isinstance(items, dict) and "enum" in items:
        return "a list of " + ", ".join(map(str, items["enum"]))
    return str(node.get("x-expected") or f"a value of type {node.get('type', 'any')}")


def _key_path(path: list[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _policy(table: Mapping[str, Any], name: str, where: Location) -> CodePolicy:
    severity = {str(code).upper(): level for code, level in table.get("severity", {}).items()}
    for code in severity:
        _check_codes([code], f"[{name}] severity", where)
    per_file = {pattern: tuple(_check_codes(codes, f"[{name}] per-file-ignores.{pattern}", where))
                for pattern, codes in table.get("per-file-ignores", {}).items()}
    actions = {str(code).upper(): action for code, action in table.get("actions", {}).items()}
    for code in actions:
        _check_codes([code], f"[{name}] actions", where)
    return CodePolicy(select=tuple(_check_codes(table.get("select", []), f"[{name}] select", where)),
                      ignore=tuple(_check_codes(table.get("ignore", []), f"[{name}] ignore", where)),
                      severity=MappingProxyType(severity), per_file_ignores=MappingProxyType(per_file),
                      actions=MappingProxyType(actions))


def _check_codes(values: list[str], key: str, where: Location) -> list[str]:
    for value in values:
        if not any(code.startswith(value.upper()) for code in CODES):
            raise ConfigError(f"{key}: '{value}' matches no code{did_you_mean(value.upper(), CODES)}", where)
    return [v.upper() for v in values]
