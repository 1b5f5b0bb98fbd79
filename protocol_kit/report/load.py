"""Read saved JSON results (``--format json``) back into :class:`ReportData`.

The reverse of ``ReportData.to_dict()``, for ``protocol-kit digest``. Places
(``first``, ``last``, a violation's ``location``) come back as the text they
were saved as.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from protocol_kit.errors import InputError
from protocol_kit.report.data import DigestRow, EventCount, ReportData, Summary
from protocol_kit.violation import Location, Violation

COUNTS = ("by_severity", "by_kind", "by_code")
NOT_TOTALS = {"tool", "title", "plan", "plan_version", "inputs", "created", "violations", "violations_omitted",
              "by_event", "baseline", "outcomes", "notes", "violations_not_kept", *COUNTS}


def load_result(path: Path) -> ReportData:
    """A result saved with ``--format json``; anything else is an input error naming the file."""
    where = Location(file=str(path))
    try:
        document = json.loads(path.read_text("utf-8"))
        summary = document["summary"]
        return ReportData(
            tool=summary.get("tool", "validate"), title=summary.get("title", "protocol-kit validate"),
            summary=_summary(summary), digest=tuple(digest_row(r) for r in document["digest"]),
            violations=tuple(violation(v) for v in document["violations"]),
            # results saved by earlier versions of validate may name the count violations_not_kept
            violations_omitted=summary.get("violations_omitted", summary.get("violations_not_kept", 0)),
            inputs=tuple(summary.get("inputs", ())), plan=summary.get("plan"),
            plan_version=summary.get("plan_version"),
            events=tuple(EventCount(**e) for e in summary.get("by_event", ())), created=summary.get("created"),
            notes=tuple(summary.get("notes", ())))
    except OSError as error:
        raise InputError(f"cannot read the result: {error.strerror or error}", where) from None
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error}", where) from None
    except RecursionError:
        raise InputError("nested too deeply to be a saved result", where) from None
    except (KeyError, TypeError, AttributeError) as error:
        raise InputError(f"not a saved result of --format json ({error!r} is missing or malformed)", where) from None


def _summary(summary: Mapping[str, Any]) -> Summary:
    totals = {k: v for k, v in summary.items() if k not in NOT_TOTALS and isinstance(v, int)}
    return Summary(violations=summary["violations"], totals=totals, **{k: dict(summary.get(k, {})) for k in COUNTS})


def digest_row(row: Mapping[str, Any]) -> DigestRow:
    return DigestRow(event=row["event"], event_type=row.get("event_type"), kind=row["kind"], code=row["code"],
                     severity=row["severity"], path=row["path"], count=row["count"],
                     first=_place(row.get("first")), last=_place(row.get("last")),
                     message_ids=tuple(row.get("message_ids", ())), message=row.get("message", ""))


def violation(record: Mapping[str, Any]) -> Violation:
    fields = {k: record.get(k) for k in ("code", "kind", "severity", "message", "event", "event_type",
                                         "expected", "actual", "message_id")}
    return Violation(path=record.get("path", ""), source=Location(**record.get("source", {})), **fields)


def _place(text: str | None) -> Location:
    return Location(file=text) if text and text != "<input>" else Location()
