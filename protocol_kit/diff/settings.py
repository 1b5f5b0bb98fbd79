"""``[tool.protocol-kit.diff]``: defaults of ``protocol-kit diff``.

```toml
[tool.protocol-kit.diff]
fail_on = "producer"                             # producer, consumer, any, none; or info, warning, error, never
ignore_file = ".protocol-kit/diff-ignore.yaml"   # accepted changes
require_version_bump = true
renames = true                                   # report a removed and an added field of one shape as a rename
```
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from protocol_kit.config import Config
from protocol_kit.diff.api import FAIL_ON
from protocol_kit.errors import ConfigError
from protocol_kit.violation import Location

KEYS = ("fail_on", "ignore_file", "require_version_bump", "renames")
TABLE = "[tool.protocol-kit.diff]"


@dataclass(frozen=True, slots=True)
class DiffSettings:
    fail_on: str = "producer"
    ignore_file: Path | None = None
    require_version_bump: bool = False
    renames: bool = True


def diff_settings(config: Config) -> DiffSettings:
    table = config.section("diff")
    where = Location(file=str(config.file) if config.file else None)
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; expected one of: {', '.join(KEYS)}"
            raise ConfigError(f"unknown key '{key}' in {TABLE}{hint}", where)
    fail_on = table.get("fail_on", "producer")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{TABLE} fail_on must be one of: {', '.join(FAIL_ON)}", where)
    for key in ("require_version_bump", "renames"):
        if key in table and not isinstance(table[key], bool):
            raise ConfigError(f"{TABLE} {key} must be true or false", where)
    ignore_file = table.get("ignore_file")
    if ignore_file is not None and not isinstance(ignore_file, str):
        raise ConfigError(f"{TABLE} ignore_file must be a path", where)
    return DiffSettings(fail_on=fail_on, ignore_file=config.root / ignore_file if ignore_file else None,
                        require_version_bump=table.get("require_version_bump", False),
                        renames=table.get("renames", True))
