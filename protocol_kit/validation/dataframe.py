"""Validate events held in a pandas DataFrame; the result is a frame of violations, one per row."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Iterator

from protocol_kit.events.reader import parse_line
from protocol_kit.events.record import EventRecord
from protocol_kit.validation.api import PlanLike, Validator
from protocol_kit.violation import Location

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("row", "code", "kind", "severity", "event", "event_type", "path", "message", "expected", "actual",
           "message_id")


def validate_dataframe(frame: "pd.DataFrame", plan: PlanLike, *, column: str | None = None) -> "pd.DataFrame":
    """One row per violation, ``row`` being the index label of the event's row.

    Without ``column`` every row is an event (its columns are the top-level
    fields; missing values are left out). With ``column``, that column holds
    the events, as dicts or JSON strings.
    """
    import pandas as pd

    validator = Validator(plan)
    rows = []
    for label, record in _records(frame, column):
        for v in validator.check(record).violations:
            rows.append((label, v.code, v.kind, v.severity, v.event, v.event_type, v.path, v.message,
                         v.expected, v.actual, v.message_id))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _records(frame: "pd.DataFrame", column: str | None) -> Iterator[tuple[Any, EventRecord]]:
    if column is None:
        for position, (label, row) in enumerate(zip(frame.index, frame.to_dict("records"))):
            payload = {key: value for key, value in row.items() if not _missing(value)}
            yield label, EventRecord(payload, source=Location(index=position))
        return
    for position, (label, cell) in enumerate(zip(frame.index, frame[column])):
        source = Location(index=position)
        if isinstance(cell, (str, bytes)):
            yield label, parse_line(cell.encode("utf-8") if isinstance(cell, str) else cell, source)
        else:
            yield label, EventRecord(None if _missing(cell) else cell, source=source)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
