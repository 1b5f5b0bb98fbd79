"""Validate the events of Spark DataFrames: violations, a verdict per row, a split into two frames, a digest.

Needs ``pip install 'protocol-kit[spark]'``. The plan is compiled once on the
driver and shipped to the Python workers with its digest (each worker keeps one
engine per digest); rows are checked in ``mapInArrow``, so the frame's other
columns pass through untouched. ``column`` holds the events as JSON strings
(or bytes) or as structs or maps (turned into JSON by Spark first: null fields
are left out, as in the events the struct was read from).

    >>> from protocol_kit import spark as pk                     # doctest: +SKIP
    >>> good, bad = pk.split(events, "plans/ecommerce.yaml")      # doctest: +SKIP
"""
from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any, Iterator

from protocol_kit.commands.frames import (VIOLATION_FIELDS, PlanLike, RowVerdict, ShippedPlan, digest_of, ship,
                                          verdicts, violation_fields)
from protocol_kit.results import DigestBuilder, DigestRow


if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import Column, DataFrame

VERDICT_COLUMNS = ("pk_valid", "pk_event", "pk_codes")
VIOLATIONS_COLUMN = "pk_violations"
ROW_ID = "row_id"
_CELL = "__pk_event"
_ID = "__pk_row_id"


def violations(df: "DataFrame", plan: PlanLike, *, column: str = "payload", row_id: str | None = None) -> "DataFrame":
    """One row per violation: ``row_id`` then the columns of :func:`protocol_kit.validate_dataframe`.

    ``row_id``: a column of ``df`` identifying its rows (default: a generated
    ``monotonically_increasing_id``). ``expected`` and ``actual`` are JSON text.
    """
    shipped = ship(plan)
    source = df.select(_row_id(df, row_id).alias(_ID), _cell(df, column).alias(_CELL))

    def run(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        import pyarrow as pa

        for batch in batches:
            ids = batch.column(_ID).to_pylist()
            rows = [(row, *_texts(violation_fields(v))) for row, verdict in zip(ids, _verdicts(shipped, batch))
                    for v in verdict.violations]
            yield pa.RecordBatch.from_pylist([dict(zip((ROW_ID, *VIOLATION_FIELDS), r)) for r in rows],
                                             schema=_violation_arrow_schema())

    return source.mapInArrow(run, _violation_spark_schema())


def with_verdict(df: "DataFrame", plan: PlanLike, *, column: str = "payload") -> "DataFrame":
    """``df`` with ``pk_valid`` (no error), ``pk_event`` (event name or call type) and ``pk_codes``."""
    return _checked(df, plan, column, with_violations=False)


def split(df: "DataFrame", plan: PlanLike, *, column: str = "payload") -> tuple["DataFrame", "DataFrame"]:
    """(conforming rows, nonconforming rows): every row in exactly one.

    Conforming rows keep ``df``'s columns; nonconforming ones add ``pk_event``,
    ``pk_codes`` and ``pk_violations`` (an array of structs, the fields of
    :func:`violations`). Both frames come from one checked frame: persist ``df``
    (or the result) when both are written, so rows are not checked twice.
    """
    checked = _checked(df, plan, column, with_violations=True)
    conforming = checked.filter(checked["pk_valid"]).drop(*VERDICT_COLUMNS, VIOLATIONS_COLUMN)
    nonconforming = checked.filter(~checked["pk_valid"]).drop("pk_valid")
    return conforming, nonconforming


def digest(df: "DataFrame", plan: PlanLike, *, column: str = "payload", row_id: str | None = None) -> "DataFrame":
    """The violation digest of the run (as ``protocol-kit digest`` gives it): one row per problem.

    Each partition builds its digest in its worker; the driver merges them with
    :class:`~protocol_kit.results.DigestBuilder`. ``first``/``last`` name row ids.
    """
    from pyspark.sql.types import BinaryType, StructField, StructType

    shipped = ship(plan)
    source = df.select(_row_id(df, row_id).alias(_ID), _cell(df, column).alias(_CELL))

    def run(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        import pyarrow as pa

        builder = DigestBuilder()
        for batch in batches:
            builder.merge(digest_of(_verdicts(shipped, batch)))
        yield pa.RecordBatch.from_pylist([{"rows": pickle.dumps(builder.rows(ordered=False))}],
                                         schema=pa.schema([("rows", pa.binary())]))

    merged = DigestBuilder()
    for part in source.mapInArrow(run, StructType([StructField("rows", BinaryType())])).collect():
        for row in pickle.loads(part["rows"]):
            merged.add_row(row)
    return digest_frame(df.sparkSession, merged.rows())


def digest_frame(session: Any, rows: tuple[DigestRow, ...]) -> "DataFrame":
    """Digest rows as a DataFrame, in digest order."""
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

    text = ("event", "event_type", "kind", "code", "severity", "path")
    schema = StructType([*(StructField(name, StringType()) for name in text), StructField("count", LongType()),
                         StructField("first", StringType()), StructField("last", StringType()),
                         StructField("message_ids", ArrayType(StringType())), StructField("message", StringType())])
    return session.createDataFrame([row.to_dict() for row in rows], schema)


def _checked(df: "DataFrame", plan: PlanLike, column: str, *, with_violations: bool) -> "DataFrame":
    from pyspark.sql.types import ArrayType, BooleanType, StringType, StructField, StructType

    shipped = ship(plan)
    added = [StructField("pk_valid", BooleanType(), False), StructField("pk_event", StringType()),
             StructField("pk_codes", ArrayType(StringType()))]
    if with_violations:
        added.append(StructField(VIOLATIONS_COLUMN, ArrayType(_violation_struct())))
    schema = StructType([*df.schema.fields, *added])
    width = len(df.columns)

    def run(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        import pyarrow as pa

        target = pa.schema([_arrow_field(f) for f in added])
        for batch in batches:
            found = list(_verdicts(shipped, batch))
            extra = [pa.array([v.valid for v in found], pa.bool_()), pa.array([v.event for v in found], pa.string()),
                     pa.array([v.codes for v in found], pa.list_(pa.string()))]
            if with_violations:
                extra.append(pa.array([_violation_dicts(v) for v in found], target.field(VIOLATIONS_COLUMN).type))
            yield pa.RecordBatch.from_arrays([*batch.columns[:width], *extra],
                                             names=[*batch.schema.names[:width], *(f.name for f in added)])

    return df.select("*", _cell(df, column).alias(_CELL)).mapInArrow(run, schema)


def _verdicts(shipped: ShippedPlan, batch: "pa.RecordBatch") -> Iterator[RowVerdict]:
    ids = batch.column(_ID).to_pylist() if _ID in batch.schema.names else range(batch.num_rows)
    return verdicts(shipped, batch.column(_CELL).to_pylist(), ids)


def _cell(df: "DataFrame", column: str) -> "Column":
    from pyspark.sql import functions as F
    from pyspark.sql.types import MapType, StructType

    if column not in df.columns:
        raise ValueError(f"no column {column!r} holding events: the frame has {', '.join(df.columns)}")
    kind = df.schema[column].dataType
    return F.to_json(F.col(column)) if isinstance(kind, (StructType, MapType)) else F.col(column)


def _row_id(df: "DataFrame", row_id: str | None) -> "Column":
    from pyspark.sql import functions as F

    return F.monotonically_increasing_id() if row_id is None else F.col(row_id).cast("long")


def _texts(values: tuple[Any, ...]) -> tuple[Any, ...]:
    import orjson

    return tuple(v if v is None or isinstance(v, str) else orjson.dumps(v, default=str).decode() for v in values)


def _violation_dicts(verdict: RowVerdict) -> list[dict[str, Any]]:
    return [dict(zip(VIOLATION_FIELDS, _texts(violation_fields(v)))) for v in verdict.violations]


def _violation_struct() -> Any:
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(name, StringType()) for name in VIOLATION_FIELDS])


def _violation_spark_schema() -> Any:
    from pyspark.sql.types import LongType, StructField, StructType

    return StructType([StructField(ROW_ID, LongType()), *_violation_struct().fields])


def _violation_arrow_schema() -> "pa.Schema":
    import pyarrow as pa

    return pa.schema([(ROW_ID, pa.int64()), *((name, pa.string()) for name in VIOLATION_FIELDS)])


def _arrow_field(field: Any) -> "pa.Field":
    import pyarrow as pa
    from pyspark.sql.pandas.types import to_arrow_type

    return pa.field(field.name, to_arrow_type(field.dataType), field.nullable)
