"""Every text format rendered from the same sample, compared with its golden file.

Rewrite the golden files after an intended change with ``UPDATE_GOLDEN=1 python -m pytest tests/report``
and review the diff.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from protocol_kit.report import FORMATS, render
from tests.report.sample import report

EXPECTED = Path(__file__).resolve().parents[1] / "cases" / "report" / "expected"
TEXT_FORMATS = [name for name, fmt in FORMATS.items() if not fmt.binary]


@pytest.mark.parametrize("name", TEXT_FORMATS)
def test_format_matches_its_golden_file(name):
    golden = EXPECTED / f"{name}.{FORMATS[name].extension}"
    rendered = render(name, report())
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1"
    assert rendered == golden.read_text("utf-8")


def test_every_format_has_a_golden_file_or_a_structural_test():
    named = {p.stem for p in EXPECTED.iterdir()}
    assert set(TEXT_FORMATS) <= named
    assert [name for name, fmt in FORMATS.items() if fmt.binary] == ["xlsx"]  # tested in test_xlsx.py


def test_every_format_and_option_is_documented():
    page = (Path(__file__).resolve().parents[2] / "docs" / "reports.md").read_text("utf-8")
    for name in FORMATS:
        assert f"| `{name}` |" in page, f"docs/reports.md does not describe the {name} format"
    for option in ("--format", "--report", "--baseline", "--fail-on-new", "--write-baseline", "--violations-out"):
        assert f"`{option}" in page


def test_formats_load_only_when_used():
    import subprocess
    import sys
    code = ("import sys; from protocol_kit.report import render, from_violations; render('text', "
            "from_violations('lint', [])); print(sorted(m for m in sys.modules if m.startswith("
            "'protocol_kit.report.formats.')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['protocol_kit.report.formats.concise', 'protocol_kit.report.formats.text']"
