"""Case folders: tests/cases/scan/<language>/<case>/ hold source files and the
expected output of ``protocol-kit scan`` run inside the folder. A case may
bring its own plan.yaml and a pyproject.toml with [tool.protocol-kit.scan].

Set PROTOCOL_KIT_UPDATE_GOLDEN=1 to rewrite expected.txt after a deliberate change.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from protocol_kit import codes

CASES = Path(__file__).parent.parent / "cases" / "scan"
PLAN = CASES / "plan.yaml"

NOT_SOURCES = {"expected.txt", "plan.yaml", "pyproject.toml"}


def _cases() -> list[Path]:
    return sorted(p.parent for p in CASES.glob("*/*/expected.txt"))


@pytest.mark.parametrize("case", _cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(case: Path, protocol_kit, monkeypatch):
    monkeypatch.chdir(case)
    plan = case / "plan.yaml" if (case / "plan.yaml").exists() else PLAN
    sources = sorted(p.name for p in case.iterdir() if p.name not in NOT_SOURCES)
    outcome = protocol_kit("scan", "--plan", str(plan), *sources)
    golden = case / "expected.txt"
    if os.environ.get("PROTOCOL_KIT_UPDATE_GOLDEN"):
        golden.write_text(outcome.stdout, "utf-8")
    assert outcome.stdout == golden.read_text("utf-8")
    reported = [line.split(": ", 1)[1].split(" ", 1)[0] for line in outcome.stdout.splitlines()]
    failing = any(codes.get(code).severity == "error" for code in reported)
    assert outcome.code == (1 if failing else 0), outcome.stderr
