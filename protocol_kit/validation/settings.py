"""``[tool.protocol-kit.validate]``: defaults of ``protocol-kit validate``.

```toml
[tool.protocol-kit.validate]
plan = "plans/ecommerce.yaml"   # or a compiled schemas folder
mode = "report"                 # report, block, quarantine
fail-on = "error"               # info, warning, error, never
max-violations = 1000           # violations listed in full; all are counted
jobs = 1
pii = "flag"                    # flag, redact, hash, block, off
event-version = "oldest"        # oldest, latest: the version of a versioned event for payloads naming none
cache = true                    # keep the plan, read and compiled, in .protocol-kit-cache/
```

The keys and their values are checked against the configuration schema when the
configuration is loaded (``protocol_kit/config.schema.json``); ``fail_on`` is the same key as ``fail-on``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protocol_kit.config import Config
from protocol_kit.validation.digest import MAX_VIOLATIONS

PII_MODES = ("flag", "redact", "hash", "block", "off")  # what --pii does (see validation/personal.py)
SALT_ENV = "PROTOCOL_KIT_PII_SALT"


@dataclass(frozen=True, slots=True)
class ValidateSettings:
    plan: Path | None = None
    mode: str = "report"
    fail_on: str = "error"
    max_violations: int = MAX_VIOLATIONS
    jobs: int = 1
    pii: str = "flag"
    event_version: str = "oldest"
    cache: bool = True


def validate_settings(config: Config) -> ValidateSettings:
    table = config.section("validate")
    plan = table.get("plan")
    if plan is None and len(config.plans) == 1:
        plan = config.plans[0]
    defaults = ValidateSettings()
    return ValidateSettings(plan=config.root / plan if plan is not None else None,
                            mode=table.get("mode", defaults.mode), fail_on=table.get("fail-on", defaults.fail_on),
                            max_violations=table.get("max-violations", defaults.max_violations),
                            jobs=table.get("jobs", defaults.jobs), pii=table.get("pii", defaults.pii),
                            event_version=table.get("event-version", defaults.event_version),
                            cache=table.get("cache", defaults.cache))


def salt_from(config_table: Any) -> str | None:
    """The hashing salt of ``--pii hash``: ``PROTOCOL_KIT_PII_SALT``, else ``[tool.protocol-kit.pii] salt``."""
    return os.environ.get(SALT_ENV) or config_table.get("salt") or None
