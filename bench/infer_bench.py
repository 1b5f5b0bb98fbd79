"""Benchmark of plan inference: throughput against `validate` on the same file, and peak memory.

    python bench/infer_bench.py [--events 100000] [--repeat 3] [--no-pii-flag] [--memory 100000,1000000]

Writes the validation corpus (bench/corpus.py: 32 track events with nested
product arrays, identify calls, a full Segment ``context``, 5% invalid) and
measures events per second, interleaved and best of ``--repeat``:

- orjson parse only (the ceiling);
- validate: the library (``Validator.run`` over ``read_chunks``) with ``--pii off``, and with personal data
  detection (``--pii flag``, the command's default);
- infer: the library (``infer_plan`` over ``read_chunks``, every statistic and the draft).

Each is also measured in CPU time (events per CPU second), which a busy shared
machine inflates far less than wall-clock time; the target is checked on wall-clock time.

Then the peak memory (maxrss) of a fresh process inferring from each size of
``--memory`` (the larger files are the first ``--events`` events repeated), and
the ratio of the largest to the smallest. Targets: infer at least 0.5x the
throughput of validate ``--pii off``; peak memory within 20% between sizes.
Exits 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import plan_document, write_corpus, write_plan  # noqa: E402
from protocol_kit.events import read_chunks  # noqa: E402
from protocol_kit.infer import infer_plan  # noqa: E402
from protocol_kit.validation import Validator, load_plan  # noqa: E402

TARGETS = {"validate": 0.5, "memory": 1.2}


def timed(run) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run`` (CPU time is what a busy shared machine does not inflate)."""
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu


def parse_only(path: Path) -> None:
    loads = orjson.loads
    with open(path, "rb") as stream:
        for line in stream:
            loads(line)


def validate(path: Path, plan, pii: str) -> None:
    Validator(plan, pii=pii).run(read_chunks([path]))


def infer(path: Path) -> None:
    infer_plan(read_chunks([path]))


def peak_memory_mb(path: Path) -> float:
    code = ("import resource, sys; from protocol_kit.events import read_chunks; from protocol_kit.infer import "
            f"infer_plan; infer_plan(read_chunks([{str(path)!r}]));"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def repeated(corpus: Path, target: Path, count: int, base: int) -> Path:
    """``count`` events: the corpus of ``base`` events repeated (and cut)."""
    data = corpus.read_bytes()
    with open(target, "wb") as out:
        for _ in range(count // base):
            out.write(data)
        rest = count % base
        if rest:
            out.write(b"".join(data.splitlines(keepends=True)[:rest]))
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pii-flag", action=argparse.BooleanOptionalAction, default=True,
                        help="also measure validate --pii flag (slow: about 8x validate --pii off)")
    parser.add_argument("--memory", default="100000,1000000",
                        help="comma-separated sizes for the peak memory runs ('' to skip)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="protocol-kit-infer-bench-"))
    try:
        return run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args, folder: Path) -> int:
    plan = load_plan(write_plan(folder))
    corpus = write_corpus(folder / "events.jsonl", plan_document(), args.events)
    n = args.events
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"corpus: {n:,} events, {corpus.stat().st_size / 1e6:.0f} MB; best of {args.repeat}", flush=True)
    jobs = {"parse": lambda: parse_only(corpus), "validate": lambda: validate(corpus, plan, "off"),
            "validate_pii": lambda: validate(corpus, plan, "flag"), "infer": lambda: infer(corpus)}
    if not args.pii_flag:
        del jobs["validate_pii"]
    rates: dict[str, float] = {}
    cpu_rates: dict[str, float] = {}
    for _ in range(args.repeat):  # interleaved, so that load on the machine hits every figure alike
        for name, job in jobs.items():
            wall, cpu = timed(job)
            rates[name] = max(rates.get(name, 0), n / wall)
            cpu_rates[name] = max(cpu_rates.get(name, 0), n / cpu)
    ratio = rates["infer"] / rates["validate"]
    against_flag = f"; {rates['infer'] / rates['validate_pii']:.2f}x --pii flag" if "validate_pii" in rates else ""
    rows = [("orjson parse only (the ceiling)", rates["parse"], ""),
            ("validate library, --pii off", rates["validate"], ""),
            *([("validate library, --pii flag (default)", rates["validate_pii"], "")] if against_flag else []),
            ("infer library", rates["infer"],
             f"{ratio:.2f}x validate --pii off (target {TARGETS['validate']}x){against_flag}")]
    print("| | events/s | ratio | events per CPU second |\n| --- | ---: | --- | ---: |")
    keys = dict(zip(("parse", "validate", *(["validate_pii"] if against_flag else []), "infer"), rows))
    for key, (name, rate, note) in keys.items():
        print(f"| {name} | {rate:,.0f} | {note} | {cpu_rates[key]:,.0f} |")
    print(f"infer / validate --pii off in CPU time: {cpu_rates['infer'] / cpu_rates['validate']:.2f}x")
    failed = ratio < TARGETS["validate"]
    sizes = [int(s) for s in args.memory.split(",") if s.strip()]
    if sizes:
        peaks = {size: peak_memory_mb(repeated(corpus, folder / f"events-{size}.jsonl", size, n)) for size in sizes}
        for size, peak in peaks.items():
            print(f"peak memory, {size:,} events: {peak:.1f} MB")
        growth = peaks[max(sizes)] / peaks[min(sizes)]
        print(f"peak memory {max(sizes):,} / {min(sizes):,} events: {growth:.2f}x (target at most "
              f"{TARGETS['memory']}x)")
        failed |= growth > TARGETS["memory"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
