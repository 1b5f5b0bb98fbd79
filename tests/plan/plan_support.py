"""Paths and golden-file helpers shared by the plan, compile and lint tests."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))  # UPDATE_GOLDEN=1 python -m pytest rewrites expected files


def case_dirs(area: str) -> list[Path]:
    return sorted(p for p in (CASES / area).iterdir() if p.is_dir())


def copy_case(case: Path, into: Path) -> Path:
    shutil.copytree(case, into, dirs_exist_ok=True)
    return into


def check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
