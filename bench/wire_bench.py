"""Benchmark of reading what SDKs send: events per second of each SDK's bodies against the same events as JSON Lines.

    python bench/wire_bench.py [--events 50000] [--repeat 3]

For every SDK whose bodies the tests captured (tests/cases/wire/<sdk>/conforming.txt),
the bodies are repeated into a file of about ``--events`` events, and the
Segment-spec events they stand for (as the wire formats read them) are written
to a JSON Lines file beside it. Both are validated by the library
(``Validator.run`` over ``read_chunks``, ``--pii off`` and ``--pii flag``)
against tests/cases/wire/plan.yaml, interleaved, best of ``--repeat``: the
ratio is the cost of reading the wire format. Exits 1 when a ratio with
``--pii flag`` (the default of ``protocol-kit validate``) is below its target.

It also prints what the wire reader adds to a plain Segment-spec call that
fails the fast path (the only Segment-spec calls it sees), against the
detailed check of that call: the price every invalid JSON Lines event pays.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protocol_kit.events import read_chunks, read_events  # noqa: E402
from protocol_kit.events.jsonl import json_line  # noqa: E402
from protocol_kit.events.record import EventRecord  # noqa: E402
from protocol_kit.events.wire import WireReader  # noqa: E402
from protocol_kit.validation.engine import BatchResult, Engine, Options  # noqa: E402
from protocol_kit.validation import Validator, load_plan  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "wire"
TARGET = 0.1  # with --pii flag (the default): bodies at >= 0.1x the events/s of the same events as JSON Lines


def prepare(sdk: str, events: int, folder: Path, planned: list[str]) -> tuple[Path, Path, int]:
    lines = (CASES / sdk / "conforming.txt").read_bytes().splitlines(keepends=True)
    reader = WireReader(planned_events=planned)
    calls = [event for record in read_events([CASES / sdk / "conforming.txt"]) for event in reader.records(record)]
    times = max(1, events // len(calls))
    bodies, spec = folder / f"{sdk}.bodies", folder / f"{sdk}.jsonl"
    bodies.write_bytes(b"".join(lines) * times)
    spec.write_bytes(b"".join(json_line(event.payload) for event in calls) * times)
    return bodies, spec, len(calls) * times


def seconds(validator: Validator, path: Path, expected: int) -> float:
    start = time.perf_counter()
    report = validator.run(read_chunks([path]))
    elapsed = time.perf_counter() - start
    assert report.summary.events == expected and report.ok, (path, report.summary)
    return elapsed


def reader_cost(validator: Validator, number: int = 20_000) -> None:
    engine = Engine(validator.plan, Options(pii="off"))
    invalid = EventRecord({"type": "track", "event": "Order Completed", "userId": "u-1",
                           "properties": {"order_id": "o-1", "total": "12.5"},
                           "context": {"library": {"name": "analytics.js", "version": "2.1.0"}}})
    read = min(timeit.repeat(lambda: engine.wire.records(invalid), number=number, repeat=3)) / number
    checked = min(timeit.repeat(lambda: engine.check_event(invalid, BatchResult()), number=number // 10,
                                repeat=3)) / (number // 10)
    print(f"wire reader on an invalid Segment-spec call: {read * 1e6:.1f} us, "
          f"{read / checked:.1%} of its detailed check ({checked * 1e6:.1f} us)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plan = load_plan(CASES / "plan.yaml")
    validators = {pii: Validator(plan, pii=pii) for pii in ("off", "flag")}
    planned = [schema.event for schema in validators["off"].plan.schemas if schema.call == "track"]
    sdks = sorted(p.parent.name for p in CASES.glob("*/conforming.txt"))
    missed = False
    print(f"{'SDK':<20} {'pii':<5} {'bodies ev/s':>12} {'JSON Lines ev/s':>16} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for sdk in sdks:
            bodies, spec, count = prepare(sdk, args.events, Path(tmp), planned)
            for pii, validator in validators.items():
                best = {"bodies": float("inf"), "spec": float("inf")}
                for _ in range(args.repeat):
                    best["bodies"] = min(best["bodies"], seconds(validator, bodies, count))
                    best["spec"] = min(best["spec"], seconds(validator, spec, count))
                ratio = best["spec"] / best["bodies"]
                missed |= pii == "flag" and ratio < TARGET
                print(f"{sdk:<20} {pii:<5} {count / best['bodies']:>12,.0f} {count / best['spec']:>16,.0f} "
                      f"{ratio:>6.2f}x")
    print(f"target: with --pii flag, bodies >= {TARGET}x the same events as JSON Lines")
    reader_cost(validators["off"])
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
