"""Scoring the detector against a labelled corpus: precision and recall per category.

A corpus is JSON lines ``{"path": ..., "value": ..., "expected": category or null, "note": ...}``
(and ``"call": "group"`` for a case that is about one kind of call). Each case becomes a payload
holding ``value`` at ``path``; every finding counts, those in expected SDK fields too.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from protocol_kit.pii.detect import detect_pii
from protocol_kit.pii.rules import PiiRules

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
EVERYTHING = PiiRules(expected_paths=())


@dataclass(frozen=True, slots=True)
class Case:
    path: str
    value: Any
    expected: str | None
    note: str = ""
    known_miss: bool = False  # a documented limitation: kept in the scores, expected to fail
    call: str | None = None  # the payload's ``type``, for cases about one kind of call


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def load_cases(path: Path | str) -> list[Case]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [Case(**json.loads(line)) for line in lines if line.strip()]


def payload_for(case: Case) -> dict[str, Any]:
    """A payload holding ``case.value`` at ``case.path`` (array slots before the index are empty objects)."""
    steps = [(key, int(index) if index else None) for key, index in _STEP.findall(case.path)]
    root: dict[str, Any] = {"type": case.call} if case.call else {}
    container: Any = root
    for i, (key, index) in enumerate(steps):
        last = i == len(steps) - 1
        new = case.value if last else ({} if steps[i + 1][1] is None else [])
        if index is None:
            container[key] = new
        else:
            container.extend({} for _ in range(index + 1 - len(container)))
            container[index] = new
        container = new
    return root


def predict(case: Case, *, rules: PiiRules = EVERYTHING) -> set[str]:
    return {finding.category for finding in detect_pii(payload_for(case), rules=rules)}


def score(cases: Iterable[Case], *, rules: PiiRules = EVERYTHING) -> dict[str, Score]:
    """Scores per category and overall (key ``"all"``): a case counts a true positive when its
    category is found, a false negative when it is not, and a false positive for any other category found."""
    counts: Counter[tuple[str, str]] = Counter()
    for case in cases:
        found = predict(case, rules=rules)
        if case.expected is not None:
            outcome = "tp" if case.expected in found else "fn"
            counts[(case.expected, outcome)] += 1
            counts[("all", outcome)] += 1
        for category in found - {case.expected}:
            counts[(category, "fp")] += 1
            counts[("all", "fp")] += 1
    categories = sorted({category for category, _ in counts} - {"all"}) + ["all"]
    return {c: Score(counts[(c, "tp")], counts[(c, "fp")], counts[(c, "fn")]) for c in categories}
