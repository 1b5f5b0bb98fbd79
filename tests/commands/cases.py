"""The case folders the facade tests share with the CLI tests, and how a result is compared."""
from __future__ import annotations

import json
from pathlib import Path

from protocol_kit.report import render

CASES = Path(__file__).resolve().parent.parent / "cases"
ROOT = CASES.parent.parent
EXAMPLE_PLAN = ROOT / "plans" / "ecommerce.yaml"
SCAN_NOT_SOURCES = {"expected.txt", "expected.json", "plan.yaml", "pyproject.toml"}


def folders(area: str) -> list[Path]:
    return sorted(p for p in (CASES / area).iterdir() if p.is_dir())


def as_json(data) -> dict:
    return json.loads(render("json", data))
