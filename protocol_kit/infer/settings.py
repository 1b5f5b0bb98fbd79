"""``[tool.protocol-kit.infer]``: defaults of ``protocol-kit infer``; command-line options win.

```toml
[tool.protocol-kit.infer]
required_ratio = 0.98     # share of payloads a property must be in to be required
format_ratio = 0.99       # share of non-null values a format must match
enum_max_values = 10      # most distinct values of an enum
enum_min_count = 5        # times each enum value must be seen
bounds = false            # enforce the observed minimum and maximum
fail_on = "never"         # info, warning, error, never
```
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from protocol_kit.config import Config
from protocol_kit.errors import ConfigError
from protocol_kit.violation import Location

TABLE = "[tool.protocol-kit.infer]"
FAIL_ON = ("info", "warning", "error", "never")


@dataclass(frozen=True, slots=True)
class InferSettings:
    required_ratio: float = 0.98
    format_ratio: float = 0.99
    enum_max_values: int = 10
    enum_min_count: int = 5
    bounds: bool = False
    fail_on: str = "never"


KEYS = tuple(InferSettings.__dataclass_fields__)


def infer_settings(config: Config) -> InferSettings:
    table = config.section("infer")
    where = Location(file=str(config.file) if config.file else None)
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; expected one of: {', '.join(KEYS)}"
            raise ConfigError(f"unknown key '{key}' in {TABLE}{hint}", where)
    for key in ("required_ratio", "format_ratio"):
        value = table.get(key, 0.5)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"{TABLE} {key} must be a number from 0 to 1", where)
    for key, least in (("enum_max_values", 0), ("enum_min_count", 1)):
        value = table.get(key, least)
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise ConfigError(f"{TABLE} {key} must be a whole number of at least {least}", where)
    if not isinstance(table.get("bounds", False), bool):
        raise ConfigError(f"{TABLE} bounds must be true or false", where)
    if table.get("fail_on", "never") not in FAIL_ON:
        raise ConfigError(f"{TABLE} fail_on must be one of: {', '.join(FAIL_ON)}", where)
    return InferSettings(**table)
