"""Benchmark: generate typed clients (TypeScript and Python) for a large tracking plan.

Uses the plan of bench/compile_bench.py (1,000 events with 20 properties each,
enums, formats, nested arrays of objects) and times, against a baseline
measured in the same run:

- the model (compiled schemas -> calls and shapes, with the schemas digest);
- each target: TypeScript in development mode (module and schemas module),
  TypeScript in production mode, Python (module with embedded schemas);
- baseline: compiling the same plan (plan model -> JSON Schemas and their bytes),
  which every generation starts from.

Exits 1 when a target's generation (model included) takes more than one second
of CPU time. CPU time, not wall time, so that a busy machine does not fail the
check; wall time is printed as well.

    python bench/codegen_bench.py [--events 1000] [--properties 20] [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.compile_bench import CPU_SECONDS, best_of, generate_plan  # noqa: E402
from protocol_kit.codegen import Target, generate  # noqa: E402
from protocol_kit.codegen.model import build_model  # noqa: E402
from protocol_kit.compile import compile_plan  # noqa: E402
from protocol_kit.plan import load_plan  # noqa: E402

GENERATION_BUDGET_SECONDS = 1.0
TARGETS = (("typescript (development)", Target(lang="typescript", out=Path("out/analytics.ts"))),
           ("typescript (production)", Target(lang="typescript", out=Path("out/analytics.ts"), mode="production")),
           ("python", Target(lang="python", out=Path("out/tracking.py"))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--properties", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(yaml.safe_dump(generate_plan(args.events, args.properties), sort_keys=False), "utf-8")
        plan = load_plan(path)
    compiled = compile_plan(plan)
    baseline, _ = best_of(args.repeat, lambda: compile_plan(plan).files(), stage="compile")
    model, _ = best_of(args.repeat, lambda: build_model(compiled), stage="model")
    print(f"plan: {len(plan.events)} events, {args.events * (args.properties + 3)} planned properties")
    print(f"{'stage':<34}{'wall s':>8}{'CPU s':>8}{'events/s':>10}{'MB':>6}  CPU ratio to compiling")
    print(f"{'baseline: compile + serialise':<34}{baseline:>8.3f}{CPU_SECONDS['compile']:>8.3f}"
          f"{len(plan.events) / CPU_SECONDS['compile']:>10,.0f}")
    print(f"{'model (schemas -> calls, digest)':<34}{model:>8.3f}{CPU_SECONDS['model']:>8.3f}"
          f"{len(plan.events) / CPU_SECONDS['model']:>10,.0f}{'':>6}  {CPU_SECONDS['model'] / CPU_SECONDS['compile']:.2f}x")
    worst = 0.0
    for label, target in TARGETS:
        wall, generated = best_of(args.repeat, lambda: generate(compiled, target), stage=label)
        size = sum(len(text.encode("utf-8")) for text in generated.files.values()) / 1e6
        worst = max(worst, CPU_SECONDS[label])
        cpu = CPU_SECONDS[label]
        print(f"{label:<34}{wall:>8.3f}{cpu:>8.3f}{len(plan.events) / cpu:>10,.0f}{size:>6.1f}"
              f"  {cpu / CPU_SECONDS['compile']:.2f}x")
    print(f"slowest target: {worst:.3f} s CPU (budget {GENERATION_BUDGET_SECONDS:.1f} s CPU, model included)")
    return 0 if worst <= GENERATION_BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
