"""No merge leftovers in the files users read."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = [p for pattern in ("*.md", "docs/*.md", "protocol_kit/**/*.py", "plans/*.yaml") for p in ROOT.glob(pattern)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_conflict_markers(path):
    lines = path.read_text("utf-8").splitlines()
    assert not [n for n, line in enumerate(lines, 1) if line.startswith(("<<<<<<< ", ">>>>>>> "))]
