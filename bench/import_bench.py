"""Benchmark: import a large plan written by another tool, and export it back.

Generates a plan of 1,000 events with 20 properties each, writes it as a Segment Public API plan (JSON) and
as a rudder-cli project (YAML), then times, against a baseline measured in the same run:

- import of the Segment plan (read, detect, map, normalise) against ``json.loads`` of the same file;
- import of the rudder-cli project against ``yaml.load`` of its files with the same parser;
- export to each format.

Exits 1 when importing the Segment plan takes more than two seconds of CPU time (CPU time, so that a busy
machine does not fail the check; wall time is printed as well).

    python bench/import_bench.py [--events 1000] [--properties 20] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protocol_kit.plan.model import Event, Plan, Property  # noqa: E402
from protocol_kit.vendors import export_plan, import_plan  # noqa: E402

IMPORT_BUDGET_SECONDS = 2.0
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KINDS = ("string", "integer", "number", "boolean", "datetime", "email")


def generated_plan(events: int, properties: int) -> Plan:
    def prop(i: int) -> Property:
        kind = KINDS[i % len(KINDS)]
        extra = {"enum": ("a", "b", "c")} if kind == "string" and i % 3 == 0 else {}
        if i % 7 == 0:
            return Property(name=f"items_{i}", type="array", description="Elements.", items=Property(
                name="items", type="object", properties=(Property(name="sku", type="string", required=True),
                                                         Property(name="price", type="number", minimum=0))))
        return Property(name=f"property_{i}", type=kind, required=i % 2 == 0, description=f"Property {i}.", **extra)
    return Plan(name="bench", version="1.0.0", events=tuple(
        Event(name=f"Object{e} Action{e}", description="When it happens.", owner="data",
              properties=tuple(prop(i) for i in range(properties))) for e in range(events)))


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The best (CPU seconds, wall seconds) of ``repeat`` runs."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        action()
        best = min(best, (time.process_time() - cpu, time.perf_counter() - wall))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--properties", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plan = generated_plan(args.events, args.properties)
    with tempfile.TemporaryDirectory() as folder:
        segment, project = Path(folder) / "plan.json", Path(folder) / "project"
        export_plan(plan, segment, format="segment")
        export_plan(plan, project, format="rudderstack")
        props = import_plan([segment]).counts["properties"]
        print(f"plan: {args.events} events, {props} properties; segment {segment.stat().st_size / 1e6:.1f} MB, "
              f"rudder-cli {sum(p.stat().st_size for p in project.iterdir()) / 1e6:.1f} MB")
        text = segment.read_text("utf-8")
        yaml_texts = [p.read_text("utf-8") for p in sorted(project.iterdir())]
        rows = [
            ("import segment", timed(lambda: import_plan([segment]), args.repeat),
             ("json.loads", timed(lambda: json.loads(text), args.repeat))),
            ("import rudderstack", timed(lambda: import_plan([project]), args.repeat),
             ("yaml.load", timed(lambda: [yaml.load(t, Loader=SAFE_LOADER) for t in yaml_texts], args.repeat))),
        ]
        for name in ("segment", "rudderstack", "iglu", "opentrackplan"):
            target = Path(folder) / f"out-{name}" / ("plan.json" if name == "segment" else "")
            rows.append((f"export {name}", timed(lambda: export_plan(plan, target, format=name), args.repeat),
                         None))
    for name, (cpu, wall), baseline in rows:
        line = f"{name:<20} {cpu:6.3f} s CPU {wall:6.3f} s wall  {args.events / wall:8.0f} events/s"
        if baseline:
            base_name, (base_cpu, _) = baseline
            line += f"  ({cpu / base_cpu:5.1f}x {base_name}: {base_cpu:.3f} s CPU)"
        print(line)
    segment_cpu = rows[0][1][0]
    if segment_cpu > IMPORT_BUDGET_SECONDS:
        print(f"FAIL: importing the Segment plan took {segment_cpu:.2f} s CPU (budget {IMPORT_BUDGET_SECONDS} s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
