"""Render the configuration schema as the Markdown page ``docs/config.md``.

``python -m protocol_kit.config_doc`` rewrites the page; a test checks the committed
page equals what this module renders from ``protocol_kit/config.schema.json``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Mapping

from protocol_kit.config import TABLE, schema

DOCS_PAGE = Path("docs") / "config.md"


def markdown() -> str:
    root = schema()
    lines = ["# Configuration: `[tool.protocol-kit]`", "", root["description"], "",
             "Every error names the file and the key (`pyproject.toml: [tool.protocol-kit.validate] mode: expected "
             "one of report, block, quarantine, got 'drop'`); an unknown key or table is an error, with the "
             "closest known key.",
             "This page is generated from `protocol_kit/config.schema.json` by `python -m protocol_kit.config_doc`."]
    top = {k: v for k, v in root["properties"].items() if "properties" not in v}
    lines += _table(f"[{TABLE}]", "Shared by every command.", top)
    for name, node in root["properties"].items():
        if "properties" in node:
            lines += _table(f"[{TABLE}.{name}]", node["description"], node["properties"])
    return "\n".join(lines) + "\n"


def _table(title: str, description: str, keys: Mapping[str, Any]) -> list[str]:
    lines = ["", f"## `{title}`", "", description, "", "| key | value | default | meaning |",
             "| --- | --- | --- | --- |"]
    for key, node in keys.items():
        default = f"`{json.dumps(node['default'])}`" if "default" in node else ""
        lines.append(f"| `{key}` | {_value(node)} | {default} | {node.get('description', '')} |")
    return lines


def _value(node: Mapping[str, Any]) -> str:
    if "enum" in node:
        return " or ".join(f"`{json.dumps(v)}`" for v in node["enum"])
    items = node.get("items")
    if isinstance(items, dict) and "enum" in items:
        return "list of " + ", ".join(f"`{json.dumps(v)}`" for v in items["enum"])
    return str(node.get("x-expected", node.get("type", "")))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_PAGE
    target.write_text(markdown(), encoding="utf-8")
    print(f"wrote {target}")
