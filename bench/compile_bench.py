"""Benchmark: load, build, compile and serialise a large tracking plan.

Generates a plan of 1,000 events with 20 properties each (mixed types,
enums, nested arrays of objects), then times each stage against a baseline
measured in the same run:

- load + build (YAML text -> plan model, with the location of every key and the
  format check) against a plain ``yaml.load`` of the same text with the same parser;
- compile (plan model -> JSON Schema dicts);
- serialise (schemas -> the exact bytes of every file) against ``json.dumps`` of the same schemas.

Exits 1 when compile + serialise takes more than one second of CPU time. CPU
time, not wall time, so that a busy machine does not fail the check; wall
time is printed as well.

    python bench/compile_bench.py [--events 1000] [--properties 20] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protocol_kit.compile import compile_plan, write_schemas  # noqa: E402
from protocol_kit.plan import load_plan  # noqa: E402

COMPILE_BUDGET_SECONDS = 1.0
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser protocol_kit uses
WORDS = ("order product cart checkout coupon account invite report trial plan feature session search page "
         "video payment refund review wishlist").split()
ACTIONS = ("Viewed Started Completed Added Removed Sent Accepted Exported Upgraded Cancelled Failed Shared "
           "Updated Deleted Opened").split()


def generate_plan(events: int, properties: int, *, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    plan: dict[str, Any] = {"plan": "bench", "version": "1.0.0", "events": {}}
    for number in range(events):
        name = f"{rng.choice(WORDS).title()} {number} {rng.choice(ACTIONS)}"
        fields = {f"field_{i}": _property(rng, i) for i in range(properties - 1)}
        fields["items"] = {"type": "array", "description": "Line items.", "items": {"type": "object", "properties": {
            "sku": {"type": "string", "required": True, "pattern": "^[A-Z0-9-]{4,32}$", "description": "SKU."},
            "quantity": {"type": "integer", "minimum": 1, "description": "Units."},
            "price": {"type": "number", "minimum": 0, "description": "Unit price."}}}}
        plan["events"][name] = {"description": f"Event number {number}.", "owner": rng.choice(WORDS),
                                "properties": fields}
    return plan


def _property(rng: random.Random, index: int) -> dict[str, Any]:
    kind = ("string", "integer", "number", "boolean", "datetime", "email", "uuid", "string[]")[index % 8]
    spec: dict[str, Any] = {"type": kind, "description": f"Property {index}.", "required": index % 3 == 0}
    if kind == "string" and rng.random() < 0.5:
        spec["enum"] = [f"value_{v}" for v in range(rng.randint(2, 8))]
    elif kind in ("integer", "number"):
        spec.update(minimum=0, maximum=rng.randint(10, 10_000))
    return spec


CPU_SECONDS: dict[str, float] = {}  # stage -> best CPU time, next to the wall times returned


def best_of(repeat: int, work: Callable[[], Any], *, stage: str = "") -> tuple[float, Any]:
    """The best wall time of ``repeat`` runs (the best CPU time goes to CPU_SECONDS[stage]), and the result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    CPU_SECONDS[stage] = min(cpus)
    return min(walls), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--properties", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    text = yaml.safe_dump(generate_plan(args.events, args.properties), sort_keys=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(text, encoding="utf-8")
        parse, _ = best_of(args.repeat, lambda: yaml.load(text, Loader=SAFE_LOADER))
        load, plan = best_of(args.repeat, lambda: load_plan(path))
        build, compiled = best_of(args.repeat, lambda: compile_plan(plan), stage="compile")
        dump, _ = best_of(args.repeat, lambda: [json.dumps(s.schema) for s in compiled.schemas])
        serialise, files = best_of(args.repeat, compiled.files, stage="serialise")
        write, _ = best_of(1, lambda: write_schemas(compiled, Path(folder) / "schemas"))

    count = sum(1 for _ in plan.events)
    planned = args.events * (args.properties + 3)
    size = sum(map(len, files.values()))
    compile_cpu = CPU_SECONDS["compile"] + CPU_SECONDS["serialise"]
    print(f"plan: {count} events, {planned} planned properties (nested included), {len(text) / 1e6:.1f} MB of YAML")
    print(f"{'stage':<34}{'seconds':>9}{'events/s':>12}  ratio to baseline")
    print(f"{'baseline: yaml.load (' + SAFE_LOADER.__name__ + ')':<34}{parse:>9.3f}{count / parse:>12,.0f}")
    print(f"{'load + build (located YAML)':<34}{load:>9.3f}{count / load:>12,.0f}  {load / parse:.2f}x yaml.load")
    print(f"{'compile (model -> schemas)':<34}{build:>9.3f}{count / build:>12,.0f}")
    print(f"{'baseline: json.dumps of schemas':<34}{dump:>9.3f}{count / dump:>12,.0f}")
    print(f"{'serialise (sorted, indented bytes)':<34}{serialise:>9.3f}{count / serialise:>12,.0f}"
          f"  {serialise / dump:.2f}x json.dumps")
    print(f"{'write ' + str(len(files)) + ' files (first run)':<34}{write:>9.3f}")
    print(f"compile + serialise: {build + serialise:.3f} s wall, {compile_cpu:.3f} s CPU for {size / 1e6:.1f} MB "
          f"of schemas (budget {COMPILE_BUDGET_SECONDS:.1f} s CPU)")
    return 0 if compile_cpu <= COMPILE_BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
