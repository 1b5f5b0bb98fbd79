"""The documented limits of protocol_kit (docs/reliability.md): what is too deep, too long or too big.

Hostile or broken input meets one of these limits and is reported; it never
exhausts memory, the stack or the clock.
"""
from __future__ import annotations

# Events: objects and arrays nested deeper than this are malformed (EV001, the raw line kept).
# Below the 255 levels the fast writer (orjson) and the compiled validator's errors support.
MAX_EVENT_DEPTH = 128

# Reports: a string longer than this is cut and marked with how much was left out.
MAX_REPORT_TEXT = 500

# YAML plans: aliases (``*name``) used, nodes once aliases are expanded, and nesting.
MAX_YAML_ALIASES = 1000
MAX_YAML_NODES = 1_000_000
MAX_YAML_DEPTH = 100

# Spreadsheet plans: Excel's own limit of characters in one cell, and rows read from a sheet.
MAX_CELL_CHARS = 32_767
MAX_SHEET_ROWS = 1_048_576  # Excel's own row limit
# xlsx parts (sheets, shared strings) are read only when their unpacked size is below this.
MAX_XLSX_PART_BYTES = 64 * 1024 * 1024

TRUNCATED = "...[{} more characters]"


def shorten(text: str, limit: int = MAX_REPORT_TEXT) -> str:
    """``text`` cut at ``limit`` characters, with a marker saying how many were left out."""
    if len(text) <= limit:
        return text
    return text[:limit] + TRUNCATED.format(len(text) - limit)
