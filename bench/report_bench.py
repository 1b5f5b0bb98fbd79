"""Writing reports: every format over one run of 100,000 violations.

    python bench/report_bench.py [--violations N]

Prints seconds per format next to a baseline measured in the same run
(``json.dumps`` of the same violation records), and exits 1 when any format
takes more than 60 seconds.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from protocol_kit.report import FORMATS, from_violations, render  # noqa: E402
from protocol_kit.violation import Location, Violation  # noqa: E402

LIMIT_SECONDS = 60.0
EVENTS = ("Order Completed", "Product Added", "Checkout Started", "Product Viewed", "Signed Up", "Cart Viewed")
PROBLEMS = (("EV003", "/properties/order_id", "required property 'order_id' is missing", None),
            ("EV004", "/properties/products/{i}/quantity", "'quantity' should be an integer, got string", "2"),
            ("EV006", "/properties/currency", "'currency' should be one of USD, EUR, GBP, got 'usd'", "usd"),
            ("EV005", "/properties/colour", "unplanned property 'colour'", "red"),
            ("PII001", "/properties/note", "an email address in 'note'", "j***@e***.com"))


def violations(n: int) -> list[Violation]:
    found = []
    for i in range(n):
        code, path, message, actual = PROBLEMS[i % len(PROBLEMS)]
        event = EVENTS[(i // len(PROBLEMS)) % len(EVENTS)]
        found.append(Violation.of(code, message, event=event, event_type="track", path=path.format(i=i % 4),
                                  actual=actual, source=Location(file="events/day.jsonl", line=i // 2 + 1),
                                  message_id=f"msg-{i // 2:07d}"))
    return found


def timed(work):
    """Seconds taken by ``work()``, and what it returned."""
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--violations", type=int, default=100_000)
    n = parser.parse_args().violations
    found = violations(n)
    seconds, data = timed(lambda: from_violations("validate", found, plan="shop", plan_version="2.1.0",
                                                  totals={"events": n // 2}))
    baseline, _ = timed(lambda: json.dumps([v.to_dict() for v in found]))
    print(f"{n:,} violations, {len(data.digest)} digest rows")
    print(f"{'step':<22}{'seconds':>9}{'x baseline':>12}{'MB':>9}")
    print(f"{'baseline json.dumps':<22}{baseline:>9.2f}{1:>12.1f}")
    print(f"{'ReportData (digest)':<22}{seconds:>9.2f}{seconds / baseline:>12.1f}")
    slowest = 0.0
    for name in FORMATS:
        seconds, output = timed(lambda: render(name, data))
        slowest = max(slowest, seconds)
        size = len(output if isinstance(output, bytes) else output.encode("utf-8"))
        print(f"{name:<22}{seconds:>9.2f}{seconds / baseline:>12.1f}{size / 1e6:>9.1f}")
    if slowest > LIMIT_SECONDS:
        print(f"a format took {slowest:.1f} s, over the {LIMIT_SECONDS:.0f} s limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
