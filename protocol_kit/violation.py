"""The one record every finding is reported as, and where it came from.

Plan lint, event validation, personal data detection and code scanning all
produce :class:`Violation` records; every output format reads the same fields.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from protocol_kit import codes


@dataclass(frozen=True, slots=True)
class Location:
    """Where something came from: a file with line and column, a sheet row, or an array index."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    row: int | None = None
    index: int | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.sheet is not None:
            parts[0] += f"[{self.sheet}]"
        if self.row is not None:
            parts.append(f"row {self.row}")
            if self.column is not None:
                parts.append(f"column {self.column}")
            return ", ".join(parts)
        if self.line is not None:
            parts.append(str(self.line) + (f"[{self.index}]" if self.index is not None else ""))  # a batch's event
            if self.column is not None:
                parts.append(str(self.column))
        elif self.index is not None:
            parts[0] += f"[{self.index}]"
        return ":".join(parts)

    def shifted(self, lines: int) -> "Location":
        """The same place ``lines`` lines further down (a part of a file that was numbered from 1)."""
        if self.line is None or not lines:
            return self
        return Location(self.file, self.line + lines, self.column, self.sheet, self.row, self.index)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in (
            ("file", self.file), ("line", self.line), ("column", self.column),
            ("sheet", self.sheet), ("row", self.row), ("index", self.index),
        ) if v is not None}


@dataclass(frozen=True, slots=True)
class Violation:
    """One finding.

    What happened (``code``, ``kind``, ``severity``, ``message``), what was
    checked (``event``, ``event_type``, ``path`` as a JSON pointer into the
    payload, ``expected``, ``actual``) and where (``source``, ``message_id``).
    ``actual`` must already be masked when it may hold personal data.
    """

    code: str
    kind: str
    severity: str
    message: str
    event: str | None = None
    event_type: str | None = None
    path: str = ""
    expected: Any = None
    actual: Any = None
    source: Location = field(default_factory=Location)
    message_id: str | None = None

    @classmethod
    def of(cls, code: str, message: str, **fields: Any) -> "Violation":
        """A violation with kind and default severity taken from the code table."""
        entry = codes.get(code)
        fields.setdefault("severity", entry.severity)
        if fields.get("source") is None:
            fields.pop("source", None)
        return cls(code=code, kind=entry.kind, message=message, **fields)

    @property
    def name(self) -> str:
        return codes.get(self.code).name

    def with_severity(self, severity: str) -> "Violation":
        return replace(self, severity=severity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "severity": self.severity,
            "event": self.event,
            "event_type": self.event_type,
            "path": self.path,
            "message": self.message,
            "expected": self.expected,
            "actual": self.actual,
            "source": self.source.to_dict(),
            "location": str(self.source),
            "message_id": self.message_id,
        }


def severity_rank(severity: str) -> int:
    return codes.SEVERITIES.index(severity)


def best_violation(violations: Iterable[Violation]) -> Violation | None:
    """The violation a person should read first, None when there is none.

    As python-jsonschema's ``best_match``: the most severe, then the one nearest the
    top of the event (a missing object explains the fields missing inside it), then
    the one first in the code table (a malformed or unplanned event before a field's
    value), then the first found.
    """
    best, best_key = None, None
    for index, violation in enumerate(violations):
        key = (-severity_rank(violation.severity), violation.path.count("/"), codes.rank(violation.code), index)
        if best_key is None or key < best_key:
            best, best_key = violation, key
    return best
