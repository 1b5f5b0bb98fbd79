"""Benchmark of checking events one at a time, against the engine's own per-event work measured in the same run.

    python bench/check_bench.py [--events 50000] [--repeat 3]

Generates the plan and the events of bench/corpus.py (5% invalid) as parsed
payloads, then measures microseconds per event of:

- the engine's own work: one :class:`Engine` processing all the events as one
  batch (what ``Validator.run`` pays per event, without reading a file);
- ``Validator(plan).check(event)`` called once per event;
- ``validate(event, plan)`` called once per event (the validator is remembered
  per plan);
- a new engine per event, as ``validate`` used to build (on a subset): what
  the memoising saves.

Each with personal data detection off and on (``pii="flag"``, the default).
Times are the best of ``--repeat`` runs, interleaved. Target: ``check`` and
``validate`` within 2x the engine's own per-event work. Exits 1 when missed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import events as corpus_events, plan_document, write_plan  # noqa: E402
from bench.validate_bench import table  # noqa: E402
from protocol_kit import Validator, load_plan, validate  # noqa: E402
from protocol_kit.validation.api import compiled  # noqa: E402
from protocol_kit.validation.engine import Engine, Options, RecordBatch  # noqa: E402

TARGET = 2.0


def seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def engine_batch(plan, events, pii):
    engine = Engine(plan, Options(pii=pii))
    return lambda: engine.process(RecordBatch(0, events))


def check_each(plan, events, pii):
    check = Validator(plan, pii=pii).check
    return lambda: [check(event) for event in events]


def validate_each(plan, events, pii):
    return lambda: [validate(event, plan, pii=pii) for event in events]


def new_engine_each(plan, events, pii):
    def run():
        for event in events:
            Validator(plan, pii=pii).check(event)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--subset", type=int, default=200, help="events for the new-engine-per-event loop")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="protocol-kit-bench-"))
    try:
        plan = compiled(load_plan(write_plan(folder)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    events = list(corpus_events(plan_document(), args.events))
    subset = events[:args.subset]
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{len(events):,} events (about 5% invalid), {len(plan.schemas)} schemas; "
          f"best of {args.repeat}", flush=True)
    rows, failures = [], []
    for pii in ("off", "flag"):
        jobs = {"engine": (engine_batch(plan, events, pii), len(events)),
                "check": (check_each(plan, events, pii), len(events)),
                "validate": (validate_each(plan, events, pii), len(events)),
                "new engine": (new_engine_each(plan, subset, pii), len(subset))}
        best = {name: float("inf") for name in jobs}
        for _ in range(args.repeat):
            for name, (run, count) in jobs.items():
                best[name] = min(best[name], seconds(run) / count * 1e6)
        engine = best["engine"]
        for name, label in (("engine", "engine, one batch (baseline)"), ("check", "Validator(plan).check(event)"),
                            ("validate", "validate(event, plan)"),
                            ("new engine", f"a new engine per event ({len(subset)} events)")):
            target = f"<= {TARGET}x" if name in ("check", "validate") else ""
            rows.append((f"pii={pii}: {label}", f"{best[name]:.2f}", f"{best[name] / engine:.2f}x", target))
            if target and best[name] > TARGET * engine:
                failures.append(f"pii={pii} {name} {best[name] / engine:.2f}x the engine")
    print(table(rows, ("", "µs/event", "ratio to engine", "target")))
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("\nall targets met" if not failures else "\ntargets missed: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
