"""Benchmark: diff a large tracking plan against a slightly changed copy.

Generates the plan of compile_bench (1,000 events with 20 properties each),
then a copy where 2% of the events changed (a property removed, one added,
a type narrowed, an enum value dropped, a description edited, one event
removed and one added), and times:

- the baseline: loading both plans (YAML text -> plan model), as every diff does first;
- diff (compare both models, grade every change) and the whole report data of the run;
- the changelog of the same result.

Exits 1 unless the diff takes well under the time of loading both plans (at
most a quarter of it).

    python bench/diff_bench.py [--events 1000] [--properties 20] [--changed 0.02] [--repeat 3]
"""
from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.compile_bench import best_of, generate_plan  # noqa: E402
from protocol_kit.diff import changelog_markdown, diff_plans  # noqa: E402
from protocol_kit.plan import load_plan  # noqa: E402
from protocol_kit.report.diff import from_diffs  # noqa: E402

TARGET_RATIO = 0.25  # diff time / time of loading both plans


def changed_copy(plan: dict[str, Any], share: float, *, seed: int = 11) -> tuple[dict[str, Any], int]:
    """The plan with ``share`` of its events edited in one way each, one removed and one added."""
    rng = random.Random(seed)
    new = copy.deepcopy(plan)
    events = new["events"]
    names = list(events)
    edited = rng.sample(names, max(1, int(len(names) * share)))
    edits = (_remove_property, _add_property, _narrow_type, _drop_enum_value, _edit_description)
    for index, name in enumerate(edited):
        edits[index % len(edits)](events[name]["properties"], events[name])
    del events[names[0]]
    events["Bench Event Added"] = copy.deepcopy(plan["events"][names[1]])
    new["version"] = "2.0.0"
    return new, len(edited)


def _remove_property(fields: dict, event: dict) -> None:
    fields.pop(next(iter(fields)))


def _add_property(fields: dict, event: dict) -> None:
    fields["added_field"] = {"type": "string", "description": "Added."}


def _narrow_type(fields: dict, event: dict) -> None:
    number = next((f for f in fields.values() if f.get("type") == "number"), None)
    if number is not None:
        number["type"] = "integer"


def _drop_enum_value(fields: dict, event: dict) -> None:
    spec = next((f for f in fields.values() if f.get("enum")), None)
    if spec is not None:
        spec["enum"] = spec["enum"][:-1]


def _edit_description(fields: dict, event: dict) -> None:
    event["description"] += " Edited."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--properties", type=int, default=20)
    parser.add_argument("--changed", type=float, default=0.02)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    old_data = generate_plan(args.events, args.properties)
    new_data, edited = changed_copy(old_data, args.changed)
    with tempfile.TemporaryDirectory() as folder:
        old_path, new_path = Path(folder) / "old.yaml", Path(folder) / "new.yaml"
        old_path.write_text(yaml.safe_dump(old_data, sort_keys=False), encoding="utf-8")
        new_path.write_text(yaml.safe_dump(new_data, sort_keys=False), encoding="utf-8")
        load, (old, new) = best_of(args.repeat, lambda: (load_plan(old_path), load_plan(new_path)))
    compare, result = best_of(args.repeat, lambda: diff_plans(old, new))
    report, _ = best_of(args.repeat, lambda: from_diffs([result]))
    notes, _ = best_of(args.repeat, lambda: changelog_markdown(result))

    print(f"plans: {len(old.events)} and {len(new.events)} events, {args.properties} properties each; "
          f"{edited} events edited, 1 removed, 1 added -> {len(result.changes)} changes")
    print(f"{'stage':<38}{'seconds':>9}  ratio to loading both")
    print(f"{'baseline: load both plans (YAML)':<38}{load:>9.3f}")
    print(f"{'diff (compare and grade)':<38}{compare:>9.4f}  {compare / load:.3f}x")
    print(f"{'report data of the diff':<38}{report:>9.4f}  {report / load:.3f}x")
    print(f"{'changelog (Markdown)':<38}{notes:>9.4f}  {notes / load:.3f}x")
    ok = compare <= TARGET_RATIO * load
    print(f"diff takes {compare / load:.1%} of the time of loading both plans (target at most {TARGET_RATIO:.0%})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
