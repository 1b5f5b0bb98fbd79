"""``[tool.protocol-kit.diff]``: defaults of ``protocol-kit diff``.

```toml
[tool.protocol-kit.diff]
fail-on = "producer"                             # producer, consumer, any, none; or info, warning, error, never
ignore-file = ".protocol-kit/diff-ignore.yaml"   # accepted changes
require-version-bump = true
renames = true                                   # report a removed and an added field of one shape as a rename
```

Keys and values are checked against the configuration schema when the configuration is loaded
(``protocol_kit/config.schema.json``); ``fail_on`` is the same key as ``fail-on``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from protocol_kit.config import Config

@dataclass(frozen=True, slots=True)
class DiffSettings:
    fail_on: str = "producer"
    ignore_file: Path | None = None
    require_version_bump: bool = False
    renames: bool = True


def diff_settings(config: Config) -> DiffSettings:
    """The table's values; keys and values were checked against the configuration schema on load."""
    table = config.section("diff")
    defaults = DiffSettings()
    ignore_file = table.get("ignore-file")
    return DiffSettings(fail_on=table.get("fail-on", defaults.fail_on),
                        ignore_file=config.root / ignore_file if ignore_file else None,
                        require_version_bump=table.get("require-version-bump", defaults.require_version_bump),
                        renames=table.get("renames", defaults.renames))
