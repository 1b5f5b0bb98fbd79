"""Benchmark of start-up: what a pre-commit hook pays on every run, against a baseline measured in the same run.

    python bench/startup_bench.py [--repeat 15]

Each command runs in a fresh process (``python -m protocol_kit ...``) on one small input:

- ``--help`` and ``--version``;
- ``validate`` of a one-event file against the example plan;
- ``lint`` of the example plan;
- ``scan`` of one source file against the example plan;

against ``python -c "import click, yaml, orjson, jsonschema_rs"``, the libraries any of
them needs (the floor). ``validate`` and ``scan`` run as pre-commit runs them again and again,
with the plan cache warm (``.protocol-kit-cache/``, written by the warm-up pass); the
``(no plan cache)`` rows run the same commands with the cache off (``[tool.protocol-kit.validate]
cache = false``, ``scan --no-cache``): what the first run on a plan pays. Times are the best of
``--repeat`` runs, interleaved so that load on the machine weighs on every figure alike; the CPU
time of each process (user + system) is printed beside the wall time, since it moves less when
the machine is busy. Targets (wall time): ``--help`` within 1.3x the baseline, one-file
``validate`` and ``scan`` within 1.6x. Exits 1 when a target is missed.

``--instructions`` also runs each command once under valgrind's callgrind and prints the
instructions it executed, and their ratio to the baseline's: a count that the load on the
machine does not move, to compare two versions of the code on a busy machine.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "ecommerce.yaml"
TARGETS = {"--help": 1.3, "validate": 1.6, "scan": 1.6}
EVENT = b'{"type": "track", "event": "Order Completed", "properties": {"order_id": "o-1", "total": 1, "currency": "EUR"}}\n'
SOURCE = 'analytics.track("Order Completed", { order_id: "o-1", total: 1, currency: "EUR" });\n'


def commands(folder: Path) -> dict[str, tuple[list[str], Path]]:
    """name -> (command, working directory); the uncached ones run in a project with the plan cache off."""
    python = [sys.executable]
    kit = [*python, "-m", "protocol_kit"]
    validate = [*kit, "validate", "--plan", str(PLAN), str(folder / "one.jsonl"), "--fail-on", "never"]
    scan = [*kit, "scan", "--plan", str(PLAN), str(folder / "app.js"), "--fail-on", "never"]
    uncached = folder / "uncached"
    return {
        "baseline": ([*python, "-c", "import click, yaml, orjson, jsonschema_rs"], folder),
        "--help": ([*kit, "--help"], folder),
        "--version": ([*kit, "--version"], folder),
        "validate": (validate, folder),
        "validate (no plan cache)": (validate, uncached),
        "lint": ([*kit, "lint", str(PLAN), "--fail-on", "never"], folder),
        "scan": (scan, folder),
        "scan (no plan cache)": ([*scan, "--no-cache"], uncached),
    }


# As installed: with bytecode caches (pip compiles them at install time), so the environment's
# PYTHONDONTWRITEBYTECODE is left out; a first pass, not counted, writes them.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(ROOT)}


def seconds(command: list[str], folder: Path) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of ``command`` in ``folder``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=folder, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(command: list[str], folder: Path) -> int:
    """Instructions one run of ``command`` executes (valgrind's callgrind counts them)."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command], cwd=folder,
                          check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    return int(next(line for line in done.stderr.splitlines() if "Collected" in line).split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--instructions", action="store_true",
                        help="also count each command's instructions with valgrind (load-independent)")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind on PATH")
    counted: dict[str, int] = {}
    folder = Path(tempfile.mkdtemp(prefix="protocol-kit-startup-"))
    try:
        (folder / "one.jsonl").write_bytes(EVENT)
        (folder / "app.js").write_text(SOURCE)
        (folder / "pyproject.toml").write_text("[tool.protocol-kit]\n")
        (folder / "uncached").mkdir()
        (folder / "uncached" / "pyproject.toml").write_text("[tool.protocol-kit.validate]\ncache = false\n")
        runs = commands(folder)
        best = {name: float("inf") for name in runs}
        cpu = {name: float("inf") for name in runs}
        print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; best of {args.repeat}", flush=True)
        for command, where in runs.values():  # warm-up: bytecode caches and the plan cache written
            seconds(command, where)
        for _ in range(args.repeat):
            for name, (command, where) in runs.items():
                wall, used = seconds(command, where)
                best[name], cpu[name] = min(best[name], wall), min(cpu[name], used)
        if args.instructions:
            counted = {name: instructions(command, where) for name, (command, where) in runs.items()}
        assert not (folder / "uncached" / ".protocol-kit-cache").exists(), "the uncached runs wrote a cache"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    from tabulate import tabulate

    base, base_cpu = best["baseline"], cpu["baseline"]
    rows, failures = [], []
    for name, time_taken in best.items():
        ratio = time_taken / base
        target = TARGETS.get(name)
        counts = (f"{counted[name] / 1e6:.0f}", f"{counted[name] / counted['baseline']:.2f}x") if counted else ()
        rows.append((name if name == "baseline" else f"protocol-kit {name}", f"{time_taken * 1000:.0f}",
                     f"{ratio:.2f}x", f"{cpu[name] * 1000:.0f}", f"{cpu[name] / base_cpu:.2f}x", *counts,
                     f"<= {target}x" if target else ""))
        if target and ratio > target:
            failures.append(f"{name} {ratio:.2f}x the baseline")
    headers = ("", "wall ms", "ratio", "CPU ms", "CPU ratio", *(("M instructions", "ratio") if counted else ()),
               "target (wall)")
    print("\n" + tabulate(rows, headers=headers, disable_numparse=True))
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("\nall targets met" if not failures else "\ntargets missed: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
