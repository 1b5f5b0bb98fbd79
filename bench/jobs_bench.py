"""Benchmark of ``--jobs``: wall and CPU time of one process and of N workers, measured in the same run.

    python bench/jobs_bench.py [--events 200000] [--jobs 2] [--rounds 5] [--modes report,quarantine]

Generates the benchmark plan and corpus (bench/corpus.py: 32 events, 5% invalid),
then validates it through the library facade of ``protocol-kit validate``
(``validate_stream``: the CLI without process start and report rendering),
with ``--pii off`` and with the default ``--pii flag``, in report mode (nothing
written) and in quarantine mode (``--valid-out`` and ``--quarantine-out``
written). Each round runs one process and ``--jobs N`` back to back. CPU
time is that of the parent and of its workers. Prints the speed-up (wall time
of one process over that of N) and the CPU overhead (CPU time of N over that
of one process), with the load average before and after: the figures mean
something only on idle cores. Both are given two ways: the median over the
rounds of each round's own ratio (its two runs back to back, so a change in the
machine's speed between rounds moves both), which the targets are checked
against (printed with the lowest and highest of the rounds' CPU ratios, which show how far the machine's
speed moves them), and the ratio of the best times of all the rounds. A third run
per round takes the parallel path with a single worker: its CPU time over one
process's is the cost of the path itself (slicing, parts, merging, the fork),
without two workers competing for caches and memory. A fourth runs N single
processes side by side, each on the whole corpus with its own outputs: the CPU
time each takes over one process's alone is what sharing the cores costs,
with no parallel path at all (the floor under the CPU ratio of ``--jobs N``).
Exits 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import os
from contextlib import contextmanager
from dataclasses import replace
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import plan_document, write_corpus, write_plan  # noqa: E402
from protocol_kit.commands.validate_command import ValidateOptions, validate_stream  # noqa: E402
from protocol_kit.validation import parallel  # noqa: E402
from protocol_kit.validation.api import compiled, load_plan  # noqa: E402

TARGETS = {"speedup": 1.7, "cpu": 1.10}


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, once the pool is shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(corpus: Path, options: ValidateOptions) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; ``jobs=-1``: the parallel path with one worker."""
    one_worker = options.jobs == -1
    if one_worker:
        options = replace(options, jobs=2)
    cpu, wall = cpu_seconds(), time.perf_counter()
    if one_worker:
        with patched(parallel, "_start_pool", lambda engine, jobs, *rest, start=parallel._start_pool: start(engine, 1, *rest)):
            validate_stream([corpus], options)
    else:
        validate_stream([corpus], options)
    return time.perf_counter() - wall, cpu_seconds() - cpu


def side_by_side(corpus: Path, plan, folder: Path, *, mode: str, pii: str, count: int) -> float:
    """CPU seconds of one process validating ``corpus`` while ``count - 1`` others do the same beside it
    (the mean over the ``count`` processes, each forked from this one and writing its own outputs)."""
    readers = []
    for number in range(count):
        read, write = os.pipe()
        if os.fork() == 0:
            os.close(read)
            own = folder / f"beside-{number}"
            own.mkdir(exist_ok=True)
            cpu = measure(corpus, options_for(plan, own, mode=mode, pii=pii, jobs=1))[1]
            os.write(write, repr(cpu).encode())
            os._exit(0)
        os.close(write)
        readers.append(read)
    seconds = []
    for read in readers:
        with os.fdopen(read) as answer:
            seconds.append(float(answer.read()))
        os.wait()
    return sum(seconds) / len(seconds)


@contextmanager
def patched(module, name: str, value):
    saved = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, saved)


def options_for(plan, folder: Path, *, mode: str, pii: str, jobs: int) -> ValidateOptions:
    outputs = {} if mode == "report" else {"valid_out": folder / "valid.jsonl",
                                           "quarantine_out": folder / "quarantine.jsonl"}
    return ValidateOptions(plan=plan, mode=mode, pii=pii, jobs=jobs, **outputs)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--modes", default="report,quarantine")
    parser.add_argument("--pii", default="off,flag")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="protocol-kit-jobs-bench-"))
    try:
        return run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args, folder: Path) -> int:
    plan = compiled(load_plan(write_plan(folder)))
    corpus = write_corpus(folder / "events.jsonl", plan_document(), args.events)
    size_mb = corpus.stat().st_size / 1e6
    print(f"corpus: {args.events:,} events, {size_mb:.0f} MB; {os.cpu_count()} cores; {args.rounds} rounds; "
          f"Python {sys.version.split()[0]}")
    print(f"load average before: {load()}", flush=True)
    rows, failures = [], []
    for mode in args.modes.split(","):
        for pii in args.pii.split(","):
            best = {jobs: [float("inf")] * 2 for jobs in (1, args.jobs, -1)}
            beside = float("inf")
            speedups, overheads = [], []
            for _ in range(args.rounds):
                figures = {jobs: measure(corpus, options_for(plan, folder, mode=mode, pii=pii, jobs=jobs))
                           for jobs in (1, args.jobs, -1)}
                for jobs, pair in figures.items():
                    best[jobs] = [min(a, b) for a, b in zip(best[jobs], pair)]
                speedups.append(figures[1][0] / figures[args.jobs][0])
                overheads.append(figures[args.jobs][1] / figures[1][1])
                beside = min(beside, side_by_side(corpus, plan, folder, mode=mode, pii=pii, count=args.jobs))
            (wall_1, cpu_1), (wall_n, cpu_n), cpu_path = best[1], best[args.jobs], best[-1][1]
            speedup, overhead = statistics.median(speedups), statistics.median(overheads)
            rows.append((mode, f"--pii {pii}", f"{wall_1:.2f}", f"{cpu_1:.2f}", f"{wall_n:.2f}", f"{cpu_n:.2f}",
                         f"{speedup:.2f}x", f"{overhead:.3f}", f"{min(overheads):.3f} to {max(overheads):.3f}",
                         f"{wall_1 / wall_n:.2f}x / {cpu_n / cpu_1:.3f}",
                         f"{cpu_path / cpu_1:.3f}", f"{beside / cpu_1:.3f}", f"{args.events / wall_n:,.0f}"))
            print(f"{mode}, --pii {pii}: done (load average {load()})", flush=True)
            if speedup < TARGETS["speedup"]:
                failures.append(f"{mode} --pii {pii}: speed-up {speedup:.2f}x below {TARGETS['speedup']}x")
            if overhead > TARGETS["cpu"]:
                failures.append(f"{mode} --pii {pii}: CPU {overhead:.3f}x one process, above {TARGETS['cpu']}")
    print(table(rows, ("mode", "pii", "1 process wall s", "CPU s", f"--jobs {args.jobs} wall s", "CPU s",
                       "speed-up", "CPU ratio", "rounds' CPU ratios", "best times: speed-up / CPU ratio",
                       "1 worker CPU ratio",
                       f"{args.jobs} processes side by side CPU ratio", f"--jobs {args.jobs} events/s")))
    print("\nwall and CPU s: the best of the rounds; speed-up and CPU ratio: the median of the rounds' own ratios "
          "(their lowest and highest CPU ratios beside it)")
    print(f"\ntargets: speed-up >= {TARGETS['speedup']}x, CPU ratio <= {TARGETS['cpu']}")
    print(f"load average after: {load()}")
    print("\nall targets met" if not failures else "\ntargets missed: " + "; ".join(failures))
    return 1 if failures else 0


def table(rows, headers) -> str:
    from tabulate import tabulate

    return "\n" + tabulate(rows, headers=headers, disable_numparse=True)


if __name__ == "__main__":
    sys.exit(main())
