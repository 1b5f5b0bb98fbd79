"""Dask's local scheduler against validate_dataframe in one process and the CLI.

    python bench/dask_bench.py [--events 50000] [--cores 2]

Prints seconds, events/s and events/s per core, for the process scheduler
(one engine per worker process) and the threaded one (the GIL shares one core).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import plan_document, write_corpus, write_plan  # noqa: E402
from bench.frames_baseline import HEADER, cli, one_process, row, seconds  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    import dask
    import dask.dataframe as dd
    import pandas as pd

    from protocol_kit import dask as pk
    from protocol_kit.validation.api import compiled, load_plan

    folder = Path(tempfile.mkdtemp(prefix="protocol-kit-dask-bench-"))
    plan_path = write_plan(folder)
    events = write_corpus(folder / "events.jsonl", plan_document(), args.events)
    lines = events.read_text("utf-8").splitlines()
    plan = compiled(load_plan(plan_path))
    frame = dd.from_pandas(pd.DataFrame({"payload": lines}), npartitions=args.cores * 4).persist()
    n = len(lines)
    base = one_process(lines, plan)
    print(f"{n:,} events, Dask {dask.__version__}, {args.cores} workers; load average {os.getloadavg()[0]:.1f}\n")
    print(HEADER)
    print(row("validate_dataframe, 1 process", n, base, 1))
    print(row("protocol-kit validate (CLI), 1 process", n, cli(events, plan_path), 1, n / base))
    for scheduler, cores in (("processes", args.cores), ("threads", args.cores)):
        took = seconds(lambda: pk.violations(frame, plan).compute(scheduler=scheduler, num_workers=cores))
        print(row(f"dask.violations, {scheduler} scheduler, {cores} workers", n, took, cores, n / base))
    took = seconds(lambda: dask.compute(*pk.split(frame, plan), scheduler="processes", num_workers=args.cores))
    print(row(f"dask.split (both halves), processes, {args.cores} workers", n, took, args.cores, n / base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
