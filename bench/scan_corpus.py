"""The scanner's quality on the real-code corpus (tests/corpus/scan): per project and per part,
calls found, names resolved right among those a human can resolve, wrong names and false
syntax errors. Exits 1 when a target is missed (95% found, 90% resolved right, no wrong name).

    python bench/scan_corpus.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus" / "scan"))

import corpus  # noqa: E402


def main() -> int:
    ok = True
    for part in corpus.PARTS:
        total, each = corpus.measure_part(part)
        for name, score in each.items():
            print(f"{part}/{name}: {score.line()}")
            for line in score.wrong + score.missed + score.unresolved:
                print(f"    {line}")
        print(f"{part}: {total.line()}, {total.lines} lines\n")
        ok &= (not total.wrong and not total.syntax_errors and total.found >= 0.95 * total.calls
               and total.right >= 0.90 * total.resolvable)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
