"""Measuring the scanner on the real-code corpus: each project folder holds files copied from a
public repository, a pyproject.toml with the receivers and wrappers its README documents, and a
truth.json listing every tracking call with the event name a human resolves for it (null when the
name cannot be known from the repository, such as a wrapper's parameter).

Used by tests/scan/test_corpus.py and bench/scan_corpus.py.
"""
from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from protocol_kit.scan import ScanConfig, scan_paths
from protocol_kit.scan.languages import syntax_for
from protocol_kit.scan.project import Project

CORPUS = Path(__file__).parent
PARTS = ("tuning", "holdout")


@dataclass
class Score:
    """Calls in the truth files, found by the scanner, resolved to the right name, and wrong names."""

    calls: int = 0
    found: int = 0
    resolvable: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    syntax_errors: list[str] = field(default_factory=list)
    lines: int = 0

    def add(self, other: "Score") -> None:
        for name in ("calls", "found", "resolvable", "right", "lines"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("wrong", "missed", "unresolved", "syntax_errors"):
            getattr(self, name).extend(getattr(other, name))

    def line(self) -> str:
        found = self.found / self.calls if self.calls else 0
        right = self.right / self.resolvable if self.resolvable else 0
        return (f"{self.calls} calls, {self.found} found ({found:.1%}), {self.right} of {self.resolvable} "
                f"human-resolvable names resolved right ({right:.1%}), {len(self.wrong)} wrong, "
                f"{len(self.syntax_errors)} false syntax errors")


def projects(part: str) -> list[Path]:
    return sorted(p for p in (CORPUS / part).iterdir() if (p / "truth.json").is_file())


def measure(project: Path) -> Score:
    """Scan one corpus project as its own working directory and compare with its truth file."""
    table = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))
    config = ScanConfig.from_table(table.get("tool", {}).get("protocol-kit", {}).get("scan", {}))
    truth = json.loads((project / "truth.json").read_text("utf-8"))["calls"]
    here = os.getcwd()
    os.chdir(project)
    try:
        result = scan_paths(["."], plan=None, config=ScanConfig(**{**_fields(config), "cache": False}),
                            project=Project(".", cache=False))
    finally:
        os.chdir(here)
    calls = {(Path(c.location.file).as_posix(), c.location.line): c for c in result.calls}
    score = Score(calls=len(truth))
    score.lines = sum(p.read_bytes().count(b"\n") for p in project.rglob("*") if p.is_file() and syntax_for(p))
    score.syntax_errors = [f"{project.name}/{v.source}" for v in result.violations if v.code == "SC004"]
    for entry in truth:
        where = f"{project.name}/{entry['file']}:{entry['line']}"
        call = calls.get((entry["file"], entry["line"]))
        expected = entry["event"]
        if expected is not None:
            score.resolvable += 1
        if call is None:
            score.missed.append(where)
            continue
        score.found += 1
        names = set(call.event.candidates)
        wanted = set(expected) if isinstance(expected, list) else {expected} if expected is not None else set()
        if names and names == wanted:
            score.right += 1
        elif names:
            score.wrong.append(f"{where}: {sorted(names)} instead of {sorted(wanted) or 'unresolvable'}")
        elif wanted:
            score.unresolved.append(f"{where}: {call.event.reference} ({call.event.why})")
    return score


def _fields(config: ScanConfig) -> dict:
    return {name: getattr(config, name) for name in config.__dataclass_fields__}


def measure_part(part: str) -> tuple[Score, dict[str, Score]]:
    total, each = Score(), {}
    for project in projects(part):
        each[project.name] = score = measure(project)
        total.add(score)
    return total, each
