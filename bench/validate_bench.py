"""Benchmark of event validation: throughput against baselines measured in the same run.

    python bench/validate_bench.py [--events 200000] [--jobs 2]

Generates a plan of 32 events and a corpus of realistic events (5% invalid,
see bench/corpus.py), then measures events per second of:

- orjson parse only: read the file and parse every line (the ceiling);
- python-jsonschema by hand: ``jsonschema.validate(event, schema)`` per event
  (measured on a subset and extrapolated), and the same loop with validators
  built once;
- protocol_kit: the library (``Validator.run``, full violation details), with
  ``jobs`` processes, and the CLI end to end (process start, plan compile,
  ``--format json``), all with ``--pii off``;
- the library with personal data detection on (``--pii flag``, the default)
  against the same library run with ``--pii off``, on a rich-context stream
  (bench/pii_stream.py: page, user agent, campaign, screen, locale, library,
  app, ip and location on every event), in CPU time of this process;
- peak memory (maxrss) of the CLI for 100k and 1M events, each in its own
  process (the 1M file is the 100k file ten times over).

Times are the best of ``--repeat`` runs. Prints a table; exits 1 when a
target is missed.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonschema
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import plan_document, write_corpus, write_plan  # noqa: E402
from bench.pii_stream import write_rich_corpus  # noqa: E402
from protocol_kit.events import read_chunks  # noqa: E402
from protocol_kit.validation import Validator, load_plan  # noqa: E402
from protocol_kit.validation.api import compiled  # noqa: E402
from protocol_kit.validation.formats import format_checker  # noqa: E402

TARGETS = {"parse": 0.6, "jsonschema": 30.0, "jobs": 1.7, "memory": 1.2, "pii": 0.5}


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_only(path: Path) -> None:
    loads = orjson.loads
    with open(path, "rb") as stream:
        for line in stream:
            loads(line)


def jsonschema_by_hand(path: Path, plan, count: int, *, prebuilt: bool) -> None:
    schemas = {(s.call, s.event): s.schema for s in plan.schemas}
    validators = {key: jsonschema.Draft202012Validator(schema, format_checker=format_checker())
                  for key, schema in schemas.items()}
    with open(path, "rb") as stream:
        for line in itertools.islice(stream, count):
            event = json.loads(line)
            key = (event.get("type", "track"), event.get("event") if event.get("type") == "track" else None)
            if key not in schemas:
                continue
            if prebuilt:
                list(validators[key].iter_errors(event))
            else:
                try:
                    jsonschema.validate(event, schemas[key], format_checker=format_checker())
                except jsonschema.ValidationError:
                    pass


def library(path: Path, plan, jobs: int, pii: str = "off") -> None:
    Validator(plan, jobs=jobs, pii=pii).run(read_chunks([path], slices=jobs > 1))


def cpu_rate(count: int, run) -> float:
    """Events per second of this process's CPU time (steadier than wall time on a shared machine)."""
    start = time.process_time()
    run()
    return count / (time.process_time() - start)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu_of(run) -> float:
    start = cpu_seconds()
    run()
    return cpu_seconds() - start


def cli(path: Path, plan_path: Path, jobs: int) -> None:
    subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "--plan", str(plan_path), str(path),
                    "--format", "json", "--fail-on", "never", "--jobs", str(jobs), "--pii", "off"],
                   check=True, stdout=subprocess.DEVNULL)


def peak_memory_mb(path: Path, plan_path: Path) -> float:
    """maxrss of a fresh process validating ``path`` through the CLI."""
    code = ("import resource, sys; from protocol_kit.cli.exit import run_cli; from protocol_kit.cli.main import cli;"
            f"run_cli(cli, ['validate', '--plan', {str(plan_path)!r}, {str(path)!r}, '--format', 'json',"
            " '--fail-on', 'never', '--pii', 'off']);"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--subset", type=int, default=2_000, help="events for the naive python-jsonschema loop")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--only-pii", action="store_true",
                        help="measure only parsing and the library with --pii off and --pii flag")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="protocol-kit-bench-"))
    try:
        return run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args, folder: Path) -> int:
    plan_path = write_plan(folder)
    corpus = write_corpus(folder / "events.jsonl", plan_document(), args.events)
    rich = write_rich_corpus(folder / "rich.jsonl", plan_document(), args.events)
    plan = compiled(load_plan(plan_path))
    n = args.events
    size_mb = corpus.stat().st_size / 1e6
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"corpus: {n:,} events, {size_mb:.0f} MB ({size_mb * 1e6 / n:.0f} bytes/event), "
          f"{len(plan.schemas)} schemas; {os.cpu_count()} cores; best of {args.repeat}", flush=True)
    rates: dict[str, float] = {}
    for _ in range(args.repeat):  # interleaved, so that load on the machine hits every figure alike
        for name, job in (("parse", lambda: parse_only(corpus)), ("library", lambda: library(corpus, plan, 1))):
            rates[name] = max(rates.get(name, 0), n / best_of(1, job))
        for name, pii in (("pii_off", "off"), ("pii", "flag")):
            rates[name] = max(rates.get(name, 0), cpu_rate(n, lambda: library(rich, plan, 1, pii=pii)))
    if args.only_pii:
        return pii_only(rates)
    subset = min(args.subset, n)
    rates["jsonschema"] = subset / best_of(1, lambda: jsonschema_by_hand(corpus, plan, subset, prebuilt=False))
    rates["jsonschema_prebuilt"] = 10 * subset / best_of(
        1, lambda: jsonschema_by_hand(corpus, plan, 10 * subset, prebuilt=True))
    rates["jobs"] = n / best_of(args.repeat, lambda: library(corpus, plan, args.jobs))
    cpu_one, cpu_jobs = cpu_of(lambda: library(corpus, plan, 1)), cpu_of(lambda: library(corpus, plan, args.jobs))
    rates["cli"] = n / best_of(args.repeat, lambda: cli(corpus, plan_path, 1))
    rates["cli_jobs"] = n / best_of(args.repeat, lambda: cli(corpus, plan_path, args.jobs))
    rows = [
        ("orjson parse only (ceiling)", rates["parse"], "", ""),
        (f"python-jsonschema validate() per event ({subset:,} events, extrapolated)", rates["jsonschema"], "", ""),
        (f"python-jsonschema, validators built once ({10 * subset:,} events)", rates["jsonschema_prebuilt"], "", ""),
        ("protocol_kit library, 1 process", rates["library"],
         f"{rates['library'] / rates['parse']:.2f}x parse, {rates['library'] / rates['jsonschema']:.0f}x validate()",
         f">= {TARGETS['parse']}x parse, >= {TARGETS['jsonschema']:.0f}x validate()"),
        ("rich-context stream, --pii off (CPU time)", rates["pii_off"], "", ""),
        ("rich-context stream, --pii flag (CPU time)", rates["pii"],
         f"{rates['pii'] / rates['pii_off']:.2f}x --pii off", f">= {TARGETS['pii']}x --pii off"),
        (f"protocol_kit library, --jobs {args.jobs}", rates["jobs"], f"{rates['jobs'] / rates['library']:.2f}x 1 process",
         f">= {TARGETS['jobs']}x 1 process"),
        ("protocol-kit validate (CLI end to end), 1 process", rates["cli"], f"{rates['cli'] / rates['parse']:.2f}x parse", ""),
        (f"protocol-kit validate (CLI end to end), --jobs {args.jobs}", rates["cli_jobs"],
         f"{rates['cli_jobs'] / rates['cli']:.2f}x CLI 1 process", ""),
    ]
    failures = []
    if rates["library"] < TARGETS["parse"] * rates["parse"]:
        failures.append("library below 0.6x parse")
    if rates["library"] < TARGETS["jsonschema"] * rates["jsonschema"]:
        failures.append("library below 30x python-jsonschema")
    if rates["pii"] < TARGETS["pii"] * rates["pii_off"]:
        failures.append(f"--pii flag below {TARGETS['pii']}x --pii off")
    if rates["jobs"] < TARGETS["jobs"] * rates["library"]:
        failures.append(f"--jobs {args.jobs} below {TARGETS['jobs']}x")
    print(table([(name, f"{rate:,.0f}", ratio, target) for name, rate, ratio, target in rows],
                ("", "events/s", "ratio", "target")))
    print(f"\nCPU time of the library run: {cpu_one:.2f} s in 1 process, {cpu_jobs:.2f} s in all processes "
          f"with --jobs {args.jobs} ({cpu_jobs / cpu_one:.2f}x the work spread over {args.jobs} workers "
          f"and the reading process)")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.memory:
        failures += memory(folder, corpus, plan_path, n)
    print("\nall targets met" if not failures else "\ntargets missed: " + "; ".join(failures))
    return 1 if failures else 0


def pii_only(rates: dict[str, float]) -> int:
    print(table([("orjson parse only (ceiling)", f"{rates['parse']:,.0f}", ""),
                 ("protocol_kit library, 1 process, --pii off", f"{rates['library']:,.0f}",
                  f"{rates['library'] / rates['parse']:.2f}x parse"),
                 ("rich-context stream, --pii off (CPU time)", f"{rates['pii_off']:,.0f}", ""),
                 ("rich-context stream, --pii flag (CPU time)", f"{rates['pii']:,.0f}",
                  f"{rates['pii'] / rates['pii_off']:.2f}x --pii off (target >= {TARGETS['pii']}x)")],
                ("", "events/s", "ratio")))
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    ok = rates["pii"] >= TARGETS["pii"] * rates["pii_off"]
    print("\nall targets met" if ok else f"\ntargets missed: --pii flag below {TARGETS['pii']}x --pii off")
    return 0 if ok else 1


def memory(folder: Path, corpus: Path, plan_path: Path, n: int) -> list[str]:
    small = folder / "memory-100k.jsonl"
    with open(corpus, "rb") as source, open(small, "wb") as out:
        out.writelines(itertools.islice(source, 100_000))
    large = folder / "memory-1m.jsonl"
    with open(large, "wb") as out:
        for _ in range(10):
            with open(small, "rb") as source:
                shutil.copyfileobj(source, out)
    low, high = peak_memory_mb(small, plan_path), peak_memory_mb(large, plan_path)
    print(table([("100k events", f"{low:.0f} MB"), ("1M events", f"{high:.0f} MB"),
                 ("ratio", f"{high / low:.2f} (target <= {TARGETS['memory']})")], ("peak memory (CLI, maxrss)", "")))
    return [] if high <= TARGETS["memory"] * low else ["peak memory grows with the number of events"]


def table(rows, headers) -> str:
    from tabulate import tabulate

    return "\n" + tabulate(rows, headers=headers, disable_numparse=True)


if __name__ == "__main__":
    sys.exit(main())
