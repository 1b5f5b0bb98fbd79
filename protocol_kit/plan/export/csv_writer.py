"""A plan as a csv data dictionary, with its plan-level settings in a ``.meta.yaml`` sidecar."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from protocol_kit.plan.export.rows import plan_rows, plan_settings, used_columns
from protocol_kit.plan.model import Plan
from protocol_kit.outputs import write_file
from protocol_kit.plan.tables.cells import neutralised
from protocol_kit.plan.tables.columns import BY_KEY
from protocol_kit.plan.tables.csv_reader import sidecar_path
from protocol_kit.plan.tables.settings import SETTINGS


def write_csv(plan: Plan, path: Path) -> list[Path]:
    rows = plan_rows(plan)
    columns = used_columns(rows)
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([BY_KEY[key].header for key in columns])
    writer.writerows([neutralised(row.get(key, "")) for key in columns] for row in rows)
    write_file(path, stream.getvalue().encode("utf-8"))
    sidecar = sidecar_path(path)
    write_file(sidecar, yaml.safe_dump(_sidecar_data(plan), sort_keys=False, allow_unicode=True).encode("utf-8"))
    return [path, sidecar]


def _sidecar_data(plan: Plan) -> dict:
    data: dict = {}
    for key, value in plan_settings(plan):
        *parents, last = SETTINGS[key][0]
        target = data
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value == "yes" if key == "additional_properties" else value
    return data
