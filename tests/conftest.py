from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from protocol_kit.cli.exit import run_cli
from protocol_kit.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))  # UPDATE_GOLDEN=1 python -m pytest rewrites expected files


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys, monkeypatch):
    """Run ``protocol-kit ARGS`` in a folder; exit code, stdout and stderr."""
    def run_in(folder: Path, *args: str) -> Run:
        monkeypatch.chdir(folder)
        capsys.readouterr()
        code = run_cli(cli, list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)
    return run_in


@pytest.fixture
def project(tmp_path: Path):
    """A temporary project folder with its own pyproject.toml (no settings unless a test writes them)."""
    (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit]\n", encoding="utf-8")
    return tmp_path


def case_dirs(area: str) -> list[Path]:
    return sorted(p for p in (CASES / area).iterdir() if p.is_dir())


def copy_case(case: Path, into: Path) -> Path:
    shutil.copytree(case, into, dirs_exist_ok=True)
    return into


def check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
