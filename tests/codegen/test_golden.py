"""The generated clients of the example plans, compared with their golden files.

Rewrite the golden files after an intended change with ``UPDATE_GOLDEN=1 python -m pytest tests/codegen``
and review the diff.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.codegen.conftest import PLANS, ROOT, write_client

EXPECTED = ROOT / "tests" / "cases" / "codegen"
# (lang, mode, output path inside the plan's case folder)
TARGETS = [("typescript", "development", "typescript/analytics.ts"),
           ("typescript", "production", "typescript-production/analytics.ts"),
           ("python", "development", "python/tracking.py")]


@pytest.mark.parametrize("plan", sorted(PLANS))
@pytest.mark.parametrize("lang, mode, out", TARGETS)
def test_generated_client_matches_its_golden_files(plan, lang, mode, out, tmp_path):
    written = write_client(plan, lang, tmp_path / out, mode=mode)
    for path in written:
        golden = EXPECTED / plan / path.relative_to(tmp_path)
        if os.environ.get("UPDATE_GOLDEN"):
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(path.read_bytes())
        assert golden.is_file(), f"no golden file {golden}: run with UPDATE_GOLDEN=1"
        assert path.read_text("utf-8") == golden.read_text("utf-8"), f"{golden} differs"


def test_every_golden_file_is_generated(tmp_path):
    expected = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file()}
    made = set()
    for plan in PLANS:
        for lang, mode, out in TARGETS:
            made |= {p.relative_to(tmp_path).as_posix()
                     for p in write_client(plan, lang, tmp_path / plan / out, mode=mode)}
    assert expected == made


def test_production_typescript_has_no_validation_code():
    module = (EXPECTED / "ecommerce" / "typescript-production" / "analytics.ts").read_text("utf-8")
    assert "ajv" not in module.lower() and "SCHEMAS" not in module and "check(" not in module
    assert not (EXPECTED / "ecommerce" / "typescript-production" / "analytics.schemas.ts").exists()
