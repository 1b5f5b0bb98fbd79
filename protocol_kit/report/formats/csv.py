"""``csv``: the digest, one row per (event, kind, path) with counts, first and last seen and example ids.

Cells a spreadsheet would run as formulas (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) are written with a leading ``'`` (OWASP's rule).
"""
from __future__ import annotations

import csv
import io

from protocol_kit import codes
from protocol_kit.plan.tables.cells import neutralised
from protocol_kit.report.data import ReportData

COLUMNS = ("event", "event_type", "kind", "code", "name", "severity", "path", "count", "first", "last",
           "message_ids", "message")


def render(data: ReportData) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    status = data.comparison is not None
    writer.writerow((*COLUMNS, "status") if status else COLUMNS)
    for row in data.digest:
        record = row.to_dict()
        record["name"] = codes.CODES[row.code].name if row.code in codes.CODES else ""
        record["message_ids"] = " ".join(row.message_ids)
        values = [neutralised(record[c]) for c in COLUMNS]
        writer.writerow([*values, data.comparison.status(row)] if status else values)
    return out.getvalue()

