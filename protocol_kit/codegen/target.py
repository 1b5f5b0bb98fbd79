"""What to generate: a language, an output path and a mode, from the command line or ``[tool.protocol-kit.codegen]``.

.. code-block:: toml

    [[tool.protocol-kit.codegen.targets]]
    lang = "typescript"
    out = "web/src/analytics.ts"
    plan = "plans/shop.yaml"   # needed when several plans are configured
    mode = "development"       # or "production": no validation code

"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from protocol_kit.config import Config
from protocol_kit.errors import ConfigError
from protocol_kit.suggest import did_you_mean

MODES = ("development", "production")
TABLE = "tool.protocol-kit.codegen"
TARGET_KEYS = ("lang", "out", "plan", "mode")


@dataclass(frozen=True, slots=True)
class Target:
    lang: str
    out: Path
    mode: str = "development"
    plan: Path | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"codegen mode must be one of {', '.join(MODES)}, not {self.mode!r}")


def load_targets(config: Config) -> tuple[Target, ...]:
    """The targets configured for the project."""
    from protocol_kit.codegen.registry import GENERATORS

    return targets_from_table(config.section("codegen"), root=config.root, languages=tuple(GENERATORS))


def targets_from_table(table: Mapping[str, Any], *, root: Path, languages: tuple[str, ...]) -> tuple[Target, ...]:
    """The targets of ``[tool.protocol-kit.codegen]``: a ``targets`` list of tables."""
    unknown = [key for key in table if key != "targets"]
    if unknown:
        raise ConfigError(f"unknown key '{unknown[0]}' in [{TABLE}]; expected: targets")
    entries = table.get("targets", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ConfigError(f"[{TABLE}] targets must be a list of tables ([[{TABLE}.targets]])")
    return tuple(_target(entry, number, root=root, languages=languages) for number, entry in enumerate(entries, 1))


def _target(entry: Mapping[str, Any], number: int, *, root: Path, languages: tuple[str, ...]) -> Target:
    where = f"[{TABLE}] target {number}"
    for key in entry:
        if key not in TARGET_KEYS:
            hint = did_you_mean(key, TARGET_KEYS, otherwise=f"; expected one of: {', '.join(TARGET_KEYS)}")
            raise ConfigError(f"{where}: unknown key '{key}'{hint}")
    for key in ("lang", "out"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise ConfigError(f"{where}: '{key}' is required (a string)")
    if entry["lang"] not in languages:
        raise ConfigError(f"{where}: unknown lang '{entry['lang']}'; expected one of: {', '.join(languages)}")
    mode = entry.get("mode", "development")
    if mode not in MODES:
        raise ConfigError(f"{where}: mode must be one of {', '.join(MODES)}, got {mode!r}")
    plan = entry.get("plan")
    if plan is not None and not isinstance(plan, str):
        raise ConfigError(f"{where}: 'plan' must be a path")
    return Target(lang=entry["lang"], out=root / entry["out"], mode=mode, plan=root / plan if plan else None)
