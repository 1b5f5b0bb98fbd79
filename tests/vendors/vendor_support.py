"""The real plans of other tools under tests/cases/vendor, and the golden-file helper of their tests."""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml

from protocol_kit.vendors import ImportResult, import_plan

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "tests" / "cases" / "vendor"
EXPECTED = VENDOR / "expected"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))  # UPDATE_GOLDEN=1 python -m pytest rewrites expected files
CASES: list[dict] = yaml.safe_load((VENDOR / "cases.yaml").read_text(encoding="utf-8"))
FOLDER_FORMATS = ("rudderstack", "iglu", "opentrackplan")


def case_id(case: dict) -> str:
    return case["case"]


def import_case(case: dict) -> ImportResult:
    """The case imported (once per test session: the result is immutable)."""
    return _imported(case["case"])


@cache
def _imported(name: str) -> ImportResult:
    case = next(c for c in CASES if c["case"] == name)
    return import_plan([VENDOR / source for source in case["sources"]], select=case.get("select"))


def check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def export_target(tmp_path: Path, format: str) -> Path:
    """Where an export in ``format`` goes: a folder for folder-shaped formats, else a file."""
    suffix = {"segment-terraform": ".tf"}.get(format, ".json")
    return tmp_path / format if format in FOLDER_FORMATS else tmp_path / f"{format}{suffix}"
