"""Write a plan back out: YAML, or a spreadsheet data dictionary (xlsx, csv) that loads to the same plan."""
from __future__ import annotations

import importlib
from pathlib import Path

from protocol_kit.errors import InputError
from protocol_kit.plan.model import Plan
from protocol_kit.violation import Location

# format -> "module:function" writing a plan to a path and returning the files written; imported lazily.
EXPORTERS = {
    "xlsx": "protocol_kit.plan.export.xlsx_writer:write_xlsx",
    "csv": "protocol_kit.plan.export.csv_writer:write_csv",
    "yaml": "protocol_kit.plan.export.yaml_writer:write_yaml",
}


def export_plan(plan: Plan, path: str | Path, *, format: str) -> list[Path]:
    """Write ``plan`` to ``path`` in ``format``; the files written (a csv plan also writes its sidecar)."""
    module, function = EXPORTERS[format].split(":")
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return getattr(importlib.import_module(module), function)(plan, path)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", Location(file=str(path))) from None
