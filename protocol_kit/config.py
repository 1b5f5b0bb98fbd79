"""Configuration from ``[tool.protocol-kit]`` in the nearest ``pyproject.toml``.

Each stage owns a sub-table (``lint``, ``validate``, ``pii``, ``scan``) and
parses it itself; this module finds the file, checks the top-level keys and
holds what every command shares.
"""
from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from protocol_kit.codes import CODES, SEVERITIES
from protocol_kit.errors import ConfigError
from protocol_kit.violation import Location

TABLE = "tool.protocol-kit"
TOP_LEVEL_KEYS = ("plans", "schemas", "lint", "validate", "pii", "scan", "report", "diff", "pytest")
LINT_KEYS = ("select", "ignore", "severity")


@dataclass(frozen=True, slots=True)
class LintConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)  # code or prefix -> severity


@dataclass(frozen=True, slots=True)
class Config:
    root: Path = Path(".")
    file: Path | None = None
    plans: tuple[Path, ...] = ()
    schemas: Path = Path("schemas")
    lint: LintConfig = LintConfig()
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # validate, pii, scan, report, diff, pytest

    def section(self, name: str) -> Mapping[str, Any]:
        return self.sections.get(name, MappingProxyType({}))


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
    _check_keys(table, TOP_LEVEL_KEYS, TABLE, where)
    plans = table.get("plans", [])
    if isinstance(plans, str):
        plans = [plans]
    if not isinstance(plans, list) or not all(isinstance(p, str) for p in plans):
        raise ConfigError(f"{TABLE}.plans must be a list of paths", where)
    schemas = table.get("schemas", "schemas")
    if not isinstance(schemas, str):
        raise ConfigError(f"{TABLE}.schemas must be a path", where)
    sections = {name: MappingProxyType(dict(table.get(name, {})))
                for name in ("validate", "pii", "scan", "report", "diff", "pytest")}
    return Config(root=root, file=file, plans=tuple(root / p for p in plans), schemas=root / schemas,
                  lint=_lint_config(table.get("lint", {}), where), sections=sections)


def _lint_config(table: Mapping[str, Any], where: Location) -> LintConfig:
    _check_keys(table, LINT_KEYS, f"{TABLE}.lint", where)
    select = tuple(_codes(table.get("select", []), "select", where))
    ignore = tuple(_codes(table.get("ignore", []), "ignore", where))
    severity = dict(table.get("severity", {}))
    for code, level in severity.items():
        _codes([code], "severity", where)
        if level not in SEVERITIES:
            raise ConfigError(f"{TABLE}.lint.severity.{code}: '{level}' is not one of {', '.join(SEVERITIES)}", where)
    return LintConfig(select=select, ignore=ignore, severity=MappingProxyType(severity))


def _codes(values: Any, key: str, where: Location) -> list[str]:
    if not isinstance(values, list):
        raise ConfigError(f"{TABLE}.lint.{key} must be a list of codes or prefixes", where)
    for value in values:
        if not any(code.startswith(str(value).upper()) for code in CODES):
            close = difflib.get_close_matches(str(value).upper(), list(CODES), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{TABLE}.lint.{key}: '{value}' matches no code{hint}", where)
    return [str(v).upper() for v in values]


def _check_keys(table: Mapping[str, Any], known: tuple[str, ...], name: str, where: Location) -> None:
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; expected one of: {', '.join(known)}"
            raise ConfigError(f"unknown key '{key}' in [{name}]{hint}", where)
