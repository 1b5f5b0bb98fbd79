"""What the Spark and Dask benchmarks compare against, measured in the same run: one process and the CLI."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from protocol_kit import validate_dataframe

ROOT = Path(__file__).resolve().parent.parent


def seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def one_process(lines: list[str], plan) -> float:
    """``validate_dataframe`` over a pandas frame of JSON strings, in this process."""
    frame = pd.DataFrame({"payload": lines})
    return seconds(lambda: validate_dataframe(frame, plan, column="payload"))


def cli(events: Path, plan_path: Path) -> float:
    """``protocol-kit validate`` end to end (start-up and plan compile included)."""
    return seconds(lambda: subprocess.run(
        [sys.executable, "-m", "protocol_kit", "validate", "--plan", str(plan_path), str(events), "--format", "json",
         "--fail-on", "never", "--max-violations", "0"], check=True, capture_output=True, cwd=ROOT))


def row(label: str, events: int, took: float, cores: int, baseline: float | None = None) -> str:
    rate = events / took
    against = f"{rate / cores / baseline:.2f}x" if baseline else ""
    return f"| {label} | {took:.2f} | {rate:,.0f} | {rate / cores:,.0f} | {against} |"


HEADER = "| run | seconds | events/s | events/s per core | per core against validate_dataframe |\n|---|---:|---:|---:|---:|"
