"""Validate the events of Dask DataFrames: violations, a verdict per row, a split into two frames, a digest.

Needs ``pip install 'protocol-kit[dask]'``. The plan is compiled once and
shipped to the workers with its digest; each worker process keeps one engine
per digest. Partitions are checked with ``map_partitions``. ``column`` holds the
events as JSON strings (or bytes) or as dicts.

    >>> from protocol_kit import dask as pk                      # doctest: +SKIP
    >>> good, bad = pk.split(events, "plans/ecommerce.yaml")      # doctest: +SKIP
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from protocol_kit.commands.frames import (VIOLATION_FIELDS, PlanLike, ShippedPlan, digest_of, ship, verdicts,
                                          violation_fields)
from protocol_kit.results import DigestBuilder


if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

VERDICT_COLUMNS = ("pk_valid", "pk_event", "pk_codes")
VIOLATIONS_COLUMN = "pk_violations"
ROW_ID = "row_id"


def violations(df: "dd.DataFrame", plan: PlanLike, *, column: str = "payload") -> "dd.DataFrame":
    """One row per violation: ``row_id`` (the event's index label) then the columns of ``validate_dataframe``."""
    import pandas as pd

    _check_column(df, column)
    meta = pd.DataFrame({name: pd.Series(dtype=object) for name in (ROW_ID, *VIOLATION_FIELDS)})
    return df.map_partitions(_violations, ship(plan), column, meta=meta)


def with_verdict(df: "dd.DataFrame", plan: PlanLike, *, column: str = "payload") -> "dd.DataFrame":
    """``df`` with ``pk_valid`` (no error), ``pk_event`` (event name or call type) and ``pk_codes``."""
    _check_column(df, column)
    return df.map_partitions(_with_verdict, ship(plan), column, False, meta=_verdict_meta(df, False))


def split(df: "dd.DataFrame", plan: PlanLike, *, column: str = "payload") -> tuple["dd.DataFrame", "dd.DataFrame"]:
    """(conforming rows, nonconforming rows): every row in exactly one.

    Nonconforming rows add ``pk_event``, ``pk_codes`` and ``pk_violations`` (a
    list of dicts with the fields of :func:`violations`). Persist the frame when
    both halves are computed separately, so rows are not checked twice.
    """
    _check_column(df, column)
    checked = df.map_partitions(_with_verdict, ship(plan), column, True, meta=_verdict_meta(df, True))
    conforming = checked[checked["pk_valid"]].drop(columns=[*VERDICT_COLUMNS, VIOLATIONS_COLUMN])
    nonconforming = checked[~checked["pk_valid"]].drop(columns=["pk_valid"])
    return conforming, nonconforming


def digest(df: "dd.DataFrame", plan: PlanLike, *, column: str = "payload") -> "pd.DataFrame":
    """The violation digest of the run: partitions' digests merged with :class:`~protocol_kit.results.DigestBuilder`."""
    import dask
    import pandas as pd

    _check_column(df, column)
    shipped = ship(plan)
    parts = dask.compute(*(dask.delayed(_digest)(part, shipped, column) for part in df.to_delayed()))
    merged = DigestBuilder()
    for builder in parts:
        merged.merge(builder)
    return pd.DataFrame([row.to_dict() for row in merged.rows()],
                        columns=["event", "event_type", "kind", "code", "severity", "path", "count", "first",
                                 "last", "message_ids", "message"])


def _violations(part: "pd.DataFrame", shipped: ShippedPlan, column: str) -> "pd.DataFrame":
    import pandas as pd

    rows = [(label, *violation_fields(v)) for label, verdict in zip(part.index, _verdicts(part, shipped, column))
            for v in verdict.violations]
    return pd.DataFrame(rows, columns=[ROW_ID, *VIOLATION_FIELDS], dtype=object)


def _with_verdict(part: "pd.DataFrame", shipped: ShippedPlan, column: str, with_violations: bool) -> "pd.DataFrame":
    found = list(_verdicts(part, shipped, column))
    part = part.copy()
    part["pk_valid"] = [v.valid for v in found]
    part["pk_event"] = [v.event for v in found]
    part["pk_codes"] = [v.codes for v in found]
    if with_violations:
        part[VIOLATIONS_COLUMN] = [[dict(zip(VIOLATION_FIELDS, violation_fields(one))) for one in v.violations]
                                   for v in found]
    return part


def _digest(part: "pd.DataFrame", shipped: ShippedPlan, column: str) -> DigestBuilder:
    return digest_of(_verdicts(part, shipped, column))


def _verdicts(part: "pd.DataFrame", shipped: ShippedPlan, column: str) -> Any:
    return verdicts(shipped, part[column], part.index)


def _verdict_meta(df: "dd.DataFrame", with_violations: bool) -> "pd.DataFrame":
    import pandas as pd

    meta = df._meta.copy()
    meta["pk_valid"] = pd.Series(dtype=bool)
    meta["pk_event"] = pd.Series(dtype=object)
    meta["pk_codes"] = pd.Series(dtype=object)
    if with_violations:
        meta[VIOLATIONS_COLUMN] = pd.Series(dtype=object)
    return meta


def _check_column(df: "dd.DataFrame", column: str) -> None:
    if column not in df.columns:
        raise ValueError(f"no column {column!r} holding events: the frame has {', '.join(map(str, df.columns))}")
