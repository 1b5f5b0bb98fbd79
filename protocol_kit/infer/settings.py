"""``[tool.protocol-kit.infer]``: defaults of ``protocol-kit infer``; command-line options win.

```toml
[tool.protocol-kit.infer]
required-ratio = 0.98     # share of payloads a property must be in to be required
format-ratio = 0.99       # share of non-null values a format must match
enum-max-values = 10      # most distinct values of an enum
enum-min-count = 5        # times each enum value must be seen
bounds = false            # enforce the observed minimum and maximum
fail-on = "never"         # info, warning, error, never
```

Keys and values are checked against the configuration schema when the configuration is loaded
(``protocol_kit/config.schema.json``); ``required_ratio`` is the same key as ``required-ratio``.
"""
from __future__ import annotations

from dataclasses import dataclass

from protocol_kit.config import Config


@dataclass(frozen=True, slots=True)
class InferSettings:
    required_ratio: float = 0.98
    format_ratio: float = 0.99
    enum_max_values: int = 10
    enum_min_count: int = 5
    bounds: bool = False
    fail_on: str = "never"


def infer_settings(config: Config) -> InferSettings:
    """The table's values; keys and values were checked against the configuration schema on load."""
    table = config.section("infer")
    return InferSettings(**{key.replace("-", "_"): value for key, value in table.items()})
