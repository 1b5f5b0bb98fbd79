"""The scanner on real open-source code (tests/corpus/scan): calls found, names resolved right, no
wrong name, no false syntax error. The truth files say what a human reads in each repository."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "corpus" / "scan"))
import corpus  # noqa: E402


@pytest.mark.parametrize("part", corpus.PARTS)
def test_the_targets_hold_on_real_code(part):
    score, _ = corpus.measure_part(part)
    assert score.calls > 0
    assert score.wrong == []
    assert score.syntax_errors == []
    assert score.found >= 0.95 * score.calls, score.missed
    assert score.right >= 0.90 * score.resolvable, score.unresolved


@pytest.mark.parametrize("project", [p for part in corpus.PARTS for p in corpus.projects(part)],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_project_has_its_source_and_licence_recorded(project):
    readme = (corpus.CORPUS / "README.md").read_text("utf-8")
    assert f"| `{project.name}` |" in readme
    assert (project / "LICENSE").is_file()
