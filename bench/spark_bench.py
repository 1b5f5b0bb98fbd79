"""Spark in local mode against validate_dataframe in one process and the CLI, and the cost of pandas conversion.

    python bench/spark_bench.py [--events 50000] [--cores 2]

Prints seconds, events/s and events/s per core. Spark's figures exclude the
session's start; the frame is cached first so reading it is not measured.
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
    from pyspark.sql import SparkSession

    from protocol_kit import spark as pk
    from protocol_kit.validation.api import compiled, load_plan

    folder = Path(tempfile.mkdtemp(prefix="protocol-kit-spark-bench-"))
    plan_path = write_plan(folder)
    events = write_corpus(folder / "events.jsonl", plan_document(), args.events)
    lines = events.read_text("utf-8").splitlines()
    plan = compiled(load_plan(plan_path))
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master(f"local[{args.cores}]").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.sql.shuffle.partitions", str(args.cores)).getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.createDataFrame([(line,) for line in lines], "payload string").repartition(args.cores * 4).cache()
    frame.count()
    n = len(lines)
    base = one_process(lines, plan)
    print(f"{n:,} events, Spark {spark.version}, local[{args.cores}]; load average {os.getloadavg()[0]:.1f}\n")
    print(HEADER)
    print(row("validate_dataframe, 1 process", n, base, 1))
    print(row("protocol-kit validate (CLI), 1 process", n, cli(events, plan_path), 1, n / base))
    pk.violations(frame, plan).count()  # the workers start and cache their engine
    for label, work in (("spark.violations", lambda: pk.violations(frame, plan).count()),
                        ("spark.with_verdict", lambda: pk.with_verdict(frame, plan).filter("pk_valid").count()),
                        ("spark.split (both halves)", lambda: [half.count() for half in pk.split(frame, plan)])):
        print(row(f"{label}, local[{args.cores}]", n, seconds(work), args.cores, n / base))
    identity = frame.schema
    arrow = seconds(lambda: frame.mapInArrow(lambda batches: batches, identity).count())
    pandas = seconds(lambda: frame.mapInPandas(lambda frames: frames, identity).count())
    print(f"\nA pass through the Python workers and back, no validation: mapInArrow {arrow:.2f} s, "
          f"mapInPandas {pandas:.2f} s (the pandas conversion costs {pandas - arrow:+.2f} s).")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
