"""Read a csv tracking plan, and its optional sidecar of plan-level settings.

A csv file holds one table, so the plan's name, version, conventions and
defaults live next to it in ``<name>.meta.yaml``, written in the YAML plan
format (``plan:``, ``version:``, ``description:``, ``conventions:``,
``defaults:``). Without it the plan is named after the file.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from protocol_kit.errors import PlanError
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.plan.tables.cells import restored
from protocol_kit.plan.tables.rows import table_to_raw
from protocol_kit.plan.tables.table import table_from_rows
from protocol_kit.violation import Location

SIDECAR_SUFFIX = ".meta.yaml"
SIDECAR_KEYS = ("plan", "version", "description", "conventions", "defaults")


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_csv_plan(path: Path) -> RawPlan:
    text = _read_text(path)
    try:
        dialect = csv.Sniffer().sniff(text.partition("\n")[0] or ",", delimiters=",;\t")
        dialect.doublequote = True  # a header line has no quotes to tell; spreadsheets double them (RFC 4180)
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [[restored(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as error:
        raise PlanError(f"not valid csv: {error}", Location(file=str(path))) from None
    raw = table_to_raw(table_from_rows(str(path), None, rows))
    sidecar = sidecar_path(path)
    if sidecar.is_file():
        _merge_sidecar(raw, sidecar)
    return raw


def _merge_sidecar(raw: RawPlan, sidecar: Path) -> None:
    from protocol_kit.plan.yaml_loader import read_yaml_plan

    settings = read_yaml_plan(_read_text(sidecar), str(sidecar))
    for key in settings.data:
        if key not in SIDECAR_KEYS:
            raise PlanError(f"'{key}' does not belong in the sidecar of a csv plan; it holds only: "
                            + ", ".join(SIDECAR_KEYS) + " (events, calls and common fields are rows of the csv)",
                            settings.location((key,)))
    raw.data.update(settings.data)
    raw.locations.update(settings.locations)
    raw.findings.extend(settings.findings)


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        raise PlanError("not a csv text file (it holds binary data; an xlsx workbook must be named .xlsx)",
                        Location(file=str(path)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanError(f"not UTF-8 text (byte {error.start}): save the csv as UTF-8",
                        Location(file=str(path))) from None
