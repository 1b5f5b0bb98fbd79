"""Fixtures of the facade tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def inside(tmp_path, monkeypatch):
    """A copy of a case folder (or an empty folder) as the working directory, with a pyproject.toml of its own."""
    def enter(case: Path | None = None) -> Path:
        if case is not None:
            shutil.copytree(case, tmp_path, dirs_exist_ok=True)
        if not (tmp_path / "pyproject.toml").exists():
            (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit]\n", "utf-8")
        monkeypatch.chdir(tmp_path)
        return tmp_path
    return enter
