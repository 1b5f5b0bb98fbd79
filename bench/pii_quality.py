"""Precision and recall of the PII detector on the labelled corpora, per category and overall.

    python bench/pii_quality.py [corpus.jsonl ...]

Without arguments, scores tests/cases/pii/corpus.jsonl (the tuning corpus),
tests/cases/pii/heldout.jsonl (written before the detector) and
tests/cases/pii/heldout-international.jsonl (written before the second round
of rules; neither was tuned against), and lists the cases each gets wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from protocol_kit.pii.evaluate import load_cases, predict, score  # noqa: E402
from protocol_kit.pii.values import phone_library  # noqa: E402

DEFAULT = [ROOT / "tests/cases/pii/corpus.jsonl", ROOT / "tests/cases/pii/heldout.jsonl",
           ROOT / "tests/cases/pii/heldout-international.jsonl"]


def report(path: Path) -> None:
    cases = load_cases(path)
    scores = score(cases)
    negatives = sum(case.expected is None for case in cases)
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
          f"{len(cases)} cases ({negatives} without personal data)")
    print(f"  {'category':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for category, s in scores.items():
        print(f"  {category:<18} {s.true_positives:>4} {s.false_positives:>4} {s.false_negatives:>4} "
              f"{s.precision:>10.3f} {s.recall:>8.3f}")
    for case in cases:
        found = predict(case)
        if found != ({case.expected} if case.expected else set()):
            print(f"  wrong: {case.path} expected {case.expected}, found {sorted(found) or None} ({case.note})")
    print()


def main(argv: list[str]) -> None:
    print(f"phonenumbers installed: {phone_library() is not None}\n")
    for path in (Path(p).resolve() for p in argv) if argv else DEFAULT:
        report(path)


if __name__ == "__main__":
    main(sys.argv[1:])
