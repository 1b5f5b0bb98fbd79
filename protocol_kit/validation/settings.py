"""``[tool.protocol-kit.validate]``: defaults of ``protocol-kit validate``.

```toml
[tool.protocol-kit.validate]
plan = "plans/ecommerce.yaml"   # or a compiled schemas folder
mode = "report"                 # report, block, quarantine
fail_on = "error"               # info, warning, error, never
max_violations = 1000           # violations listed in full; all are counted
jobs = 1
pii = "flag"                    # flag, redact, hash, block, off
event_version = "oldest"        # oldest, latest: the version of a versioned event for payloads naming none
```
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from protocol_kit.config import Config
from protocol_kit.errors import ConfigError
from protocol_kit.validation.digest import MAX_VIOLATIONS
from protocol_kit.validation.personal import PII_MODES
from protocol_kit.validation.report import MODES
from protocol_kit.validation.schemas import VERSION_FALLBACKS
from protocol_kit.violation import Location

FAIL_ON = ("info", "warning", "error", "never")
KEYS = ("plan", "mode", "fail_on", "max_violations", "jobs", "pii", "event_version")


@dataclass(frozen=True, slots=True)
class ValidateSettings:
    plan: Path | None = None
    mode: str = "report"
    fail_on: str = "error"
    max_violations: int = MAX_VIOLATIONS
    jobs: int = 1
    pii: str = "flag"
    event_version: str = "oldest"


def validate_settings(config: Config) -> ValidateSettings:
    table: Mapping[str, Any] = config.section("validate")
    where = Location(file=str(config.file) if config.file else None)
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; expected one of: {', '.join(KEYS)}"
            raise ConfigError(f"unknown key '{key}' in [tool.protocol-kit.validate]{hint}", where)
    plan = table.get("plan")
    if plan is None and len(config.plans) == 1:
        plan = config.plans[0]
    settings = ValidateSettings(plan=config.root / plan if plan is not None else None,
                                mode=table.get("mode", "report"), fail_on=table.get("fail_on", "error"),
                                max_violations=table.get("max_violations", MAX_VIOLATIONS),
                                jobs=table.get("jobs", 1), pii=table.get("pii", "flag"),
                                event_version=table.get("event_version", "oldest"))
    _check(settings.mode in MODES, "mode", MODES, where)
    _check(settings.fail_on in FAIL_ON, "fail_on", FAIL_ON, where)
    _check(settings.pii in PII_MODES, "pii", PII_MODES, where)
    _check(settings.event_version in VERSION_FALLBACKS, "event_version", VERSION_FALLBACKS, where)
    for key in ("max_violations", "jobs"):
        value = getattr(settings, key)
        if not isinstance(value, int) or isinstance(value, bool) or value < (0 if key == "max_violations" else 1):
            raise ConfigError(f"[tool.protocol-kit.validate] {key} must be a positive integer", where)
    return settings


def _check(ok: bool, key: str, choices: tuple[str, ...], where: Location) -> None:
    if not ok:
        raise ConfigError(f"[tool.protocol-kit.validate] {key} must be one of: {', '.join(choices)}", where)
