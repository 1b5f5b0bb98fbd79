"""``export``: a plan written as a data dictionary (xlsx, csv with its sidecar) or as YAML."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from protocol_kit.commands.plans import load_plans
from protocol_kit.errors import InputError
from protocol_kit.plan.export import export_plan


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportOptions:
    format: str = "xlsx"  # a name of protocol_kit.plan.export.EXPORTERS
    out: Path | None = None  # default: the plan file with the format's suffix
    plan_name: str | None = None
    plan_version: str | None = None


def export(plan: Path | str, options: ExportOptions = ExportOptions()) -> list[Path]:
    """Write the plan at ``plan`` in ``options.format``; the files written. The plan itself is never overwritten."""
    plan = Path(plan)
    [loaded] = load_plans([plan], name=options.plan_name, version=options.plan_version)
    out = options.out or plan.with_suffix(f".{options.format}")
    if out.resolve() == plan.resolve():
        raise InputError("refusing to overwrite the plan itself; choose another file with --out")
    return list(export_plan(loaded, out, format=options.format))
