"""Case folders: tests/cases/scan/<language>/<case>/ hold source files and the
expected output of ``protocol-kit scan`` run inside the folder: expected.txt
for the text format, expected.json for the json format. A case may bring its
own plan.yaml and a pyproject.toml with [tool.protocol-kit.scan].

Set PROTOCOL_KIT_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from protocol_kit import codes

CASES = Path(__file__).parent.parent / "cases" / "scan"
PLAN = CASES / "plan.yaml"

NOT_SOURCES = {"expected.txt", "expected.json", "plan.yaml", "pyproject.toml", ".protocol-kit-cache"}
UPDATE = bool(os.environ.get("PROTOCOL_KIT_UPDATE_GOLDEN"))


def _cases(golden: str) -> list[Path]:
    return sorted(p.parent for p in CASES.glob(f"*/*/{golden}"))


def _scan(case: Path, protocol_kit, *options: str):
    plan = case / "plan.yaml" if (case / "plan.yaml").exists() else PLAN
    sources = sorted(p.name for p in case.iterdir() if p.name not in NOT_SOURCES)
    return protocol_kit("scan", "--plan", str(plan), "--no-cache", *options, *sources)


def _expected_exit(reported_codes: list[str]) -> int:
    return 1 if any(codes.get(code).severity == "error" for code in reported_codes) else 0


@pytest.mark.parametrize("case", _cases("expected.txt"), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_text_case(case: Path, protocol_kit, monkeypatch):
    monkeypatch.chdir(case)
    outcome = _scan(case, protocol_kit)
    golden = case / "expected.txt"
    if UPDATE:
        golden.write_text(outcome.stdout, "utf-8")
    assert outcome.stdout == golden.read_text("utf-8")
    reported = [line.split(": ", 1)[1].split(" ", 1)[0] for line in outcome.stdout.splitlines()]
    assert outcome.code == _expected_exit(reported), outcome.stderr


@pytest.mark.parametrize("case", _cases("expected.json"), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_json_case(case: Path, protocol_kit, monkeypatch):
    monkeypatch.chdir(case)
    outcome = _scan(case, protocol_kit, "--format", "json")
    golden = case / "expected.json"
    records = json.loads(outcome.stdout)["violations"]
    if UPDATE:
        golden.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert records == json.loads(golden.read_text("utf-8"))
    assert outcome.code == _expected_exit([r["code"] for r in records]), outcome.stderr
