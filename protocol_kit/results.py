"""What a run's violations are summarised into, for every tool: digest rows, their builder, their signature,
the run's summary and its one JSON shape.

A digest row is one kind of problem (code) at one place (JSON pointer, array
indices as ``*``) of one event, however often it occurred. :class:`DigestBuilder`
makes rows from violations as they stream by (``add``) and combines rows of other
runs, partitions or time windows (``add_row``, ``merge``); past ``max_rows`` keys
(event names made up at run time), new keys share one ``(other)`` row per code, so
memory stays bounded. The signature names a problem across runs: baselines, SARIF
fingerprints and digests over time all use :func:`signature_of`. :func:`run_document`
is the JSON document of a run, whatever the tool (published as
``protocol_kit/report/result.schema.json``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from protocol_kit.violation import Location, Violation

EXAMPLE_IDS = 3  # message ids kept per row, as examples to look up
MAX_DIGEST_ROWS = 10_000
OTHER = "(other)"
_INDEX = re.compile(r"/\d+(?=/|$)")

Signature = tuple[str, str, str, str]  # (event, kind, path, code)


def digest_path(path: str) -> str:
    """A JSON pointer with array indices as ``*``: every item of an array shares one digest row."""
    return _INDEX.sub("/*", path)


def signature_of(v: Violation) -> Signature:
    """(event or call type, kind, path with indices as ``*``, code): a problem, not an occurrence."""
    return (v.event or v.event_type or "", v.kind, digest_path(v.path), v.code)


def fingerprint(signature: Signature) -> str:
    """A stable hexadecimal digest of a signature (SARIF ``partialFingerprints``)."""
    import hashlib  # reports and baselines only

    return hashlib.sha256("\x1f".join(signature).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class DigestRow:
    """One kind of problem at one place of one event, however often it occurred.

    ``event`` is the track event's name, or the call type for identify/page/screen/group;
    ``path`` has array indices as ``*``; ``first`` and ``last`` are where it
    was seen first and last; ``message_ids`` are up to three example events;
    ``message`` is the first occurrence's message.
    """

    event: str | None
    event_type: str | None
    kind: str
    code: str
    severity: str
    path: str
    count: int
    first: Location
    last: Location
    message_ids: tuple[str, ...]
    message: str

    @property
    def signature(self) -> Signature:
        """What identifies the problem across runs: (event, kind, path, code)."""
        return (self.event or "", self.kind, self.path, self.code)

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "event_type": self.event_type, "kind": self.kind, "code": self.code,
                "severity": self.severity, "path": self.path, "count": self.count,
                "first": str(self.first), "last": str(self.last),
                "message_ids": list(self.message_ids), "message": self.message}


def row_order(row: DigestRow) -> tuple[int, str, str, str]:
    """Most frequent first, then by event, code and path."""
    return (-row.count, row.event or "", row.code, row.path)


class _Row:
    """A digest row being counted: ``row`` holds the first occurrence's fields; ``last``, ``count`` and
    ``message_ids`` are current."""

    __slots__ = ("row", "last", "count", "message_ids")

    def __init__(self, row: DigestRow, last: Location):
        self.row = row
        self.last = last
        self.count = 0
        self.message_ids: list[str] = []

    def add_ids(self, ids: Iterable[str]) -> None:
        for message_id in ids:
            if len(self.message_ids) < EXAMPLE_IDS and message_id not in self.message_ids:
                self.message_ids.append(message_id)


class DigestBuilder:
    """Digest rows built from a stream of violations and from the rows of other runs."""

    def __init__(self, *, max_rows: int = MAX_DIGEST_ROWS):
        self.max_rows = max_rows
        self._rows: dict[tuple[str | None, str | None, str, str], _Row] = {}

    def add(self, v: Violation) -> None:
        """Count one violation."""
        entry = self._entry(v.event or v.event_type, v.event_type, v.code, digest_path(v.path))
        if entry is None:
            first = DigestRow(event=v.event or v.event_type, event_type=v.event_type, kind=v.kind, code=v.code,
                              severity=v.severity, path=digest_path(v.path), count=0, first=v.source,
                              last=v.source, message_ids=(), message=v.message)
            entry = self._new(first)
        entry.count += 1
        entry.last = v.source
        if v.message_id:
            entry.add_ids((v.message_id,))

    def add_row(self, row: DigestRow) -> None:
        """Combine a row of a later run (or partition): counts add up, the later severity and last place win."""
        self._combine(row, row.count, row.last, row.message_ids)

    def merge(self, other: "DigestBuilder", *, line_shift: int = 0) -> None:
        """Add every row of ``other`` (a later partition, window or run); ``line_shift`` is added to its line
        numbers (a part of a file numbered from 1)."""
        for entry in other._rows.values():
            self._combine(entry.row, entry.count, entry.last.shifted(line_shift), entry.message_ids,
                          line_shift=line_shift)

    def _combine(self, row: DigestRow, count: int, last: Location, message_ids: Iterable[str], *,
                 line_shift: int = 0) -> None:
        """Add ``count`` occurrences of ``row``'s problem, the last at ``last`` (``row.first`` shifted by
        ``line_shift`` where the row is new here)."""
        entry = self._entry(row.event, row.event_type, row.code, row.path)
        if entry is None:
            entry = self._new(replace(row, first=row.first.shifted(line_shift)) if line_shift else row)
        elif entry.row.severity != row.severity:
            entry.row = replace(entry.row, severity=row.severity)
        entry.count += count
        entry.last = last
        entry.add_ids(message_ids)

    def rows(self, *, ordered: bool = True) -> tuple[DigestRow, ...]:
        built = [DigestRow(event=e.row.event, event_type=e.row.event_type, kind=e.row.kind, code=e.row.code,
                           severity=e.row.severity, path=e.row.path, count=e.count, first=e.row.first, last=e.last,
                           message_ids=tuple(e.message_ids), message=e.row.message) for e in self._rows.values()]
        return tuple(sorted(built, key=row_order)) if ordered else tuple(built)

    def _entry(self, event: str | None, event_type: str | None, code: str, path: str) -> _Row | None:
        key = (event, event_type, code, path)
        entry = self._rows.get(key)
        if entry is None and len(self._rows) >= self.max_rows:
            return self._rows.get((OTHER, None, code, "*"))
        return entry

    def _new(self, first: DigestRow) -> _Row:
        key = (first.event, first.event_type, first.code, first.path)
        if len(self._rows) >= self.max_rows:  # an "(other)" row of this code, the first time it is needed
            key = (OTHER, None, first.code, "*")
            first = DigestRow(event=OTHER, event_type=None, kind=first.kind, code=first.code,
                              severity=first.severity, path="*", count=0, first=first.first, last=first.last,
                              message_ids=(), message=first.message)
        entry = self._rows[key] = _Row(row=first, last=first.last)
        return entry


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over a whole run, for every tool.

    ``totals`` holds the tool's own headline counts: ``events``, ``valid`` and
    ``invalid`` (events with an error) for validation, ``plans`` for lint,
    ``files`` for scanning, ``results`` for a digest over time.
    """

    violations: int = 0
    by_severity: Mapping[str, int] = field(default_factory=dict)
    by_kind: Mapping[str, int] = field(default_factory=dict)
    by_code: Mapping[str, int] = field(default_factory=dict)
    totals: Mapping[str, int] = field(default_factory=dict)

    @property
    def events(self) -> int:
        return self.totals.get("events", 0)

    @property
    def valid(self) -> int:
        return self.totals.get("valid", 0)

    @property
    def invalid(self) -> int:
        return self.totals.get("invalid", 0)

    def to_dict(self) -> dict[str, Any]:
        return {**self.totals, "violations": self.violations, "by_severity": dict(self.by_severity),
                "by_kind": dict(self.by_kind), "by_code": dict(self.by_code)}


def summarise(violations: Sequence[Violation], totals: Mapping[str, int] | None = None) -> Summary:
    """The summary of a list of violations, with the tool's ``totals``."""
    def count(attribute: str) -> dict[str, int]:
        return dict(sorted(Counter(getattr(v, attribute) for v in violations).items()))
    return Summary(violations=len(violations), by_severity=count("severity"), by_kind=count("kind"),
                   by_code=count("code"), totals=dict(totals or {}))


class EventCount(NamedTuple):
    """Violations of one event (``seen`` and ``invalid`` when the tool counted events)."""

    event: str
    violations: int
    errors: int
    seen: int | None = None
    invalid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        counts = {"event": self.event, "violations": self.violations, "errors": self.errors}
        return counts | {k: v for k, v in (("seen", self.seen), ("invalid", self.invalid)) if v is not None}


def event_counts(violations: Iterable[Violation]) -> tuple[EventCount, ...]:
    """Violations and errors per event, most violations first."""
    return _event_counts(((v.event or v.event_type or "", 1, v.severity) for v in violations))


def event_counts_of_rows(rows: Iterable[DigestRow]) -> tuple[EventCount, ...]:
    """The same counts from digest rows (a run that kept only some of its violations)."""
    return _event_counts(((r.event or r.event_type or "", r.count, r.severity) for r in rows))


def _event_counts(counted: Iterable[tuple[str, int, str]]) -> tuple[EventCount, ...]:
    total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for name, n, severity in counted:
        total[name] += n
        errors[name] += n if severity == "error" else 0
    return tuple(EventCount(event=name, violations=n, errors=errors[name])
                 for name, n in sorted(total.items(), key=lambda item: (-item[1], item[0])))


class Comparison(NamedTuple):
    """Digest rows against a saved baseline: signatures that are new, still present, and fixed."""

    new: frozenset[Signature] = frozenset()
    present: frozenset[Signature] = frozenset()
    fixed: tuple[Mapping[str, Any], ...] = ()  # baseline entries no longer found

    def status(self, row: DigestRow) -> str:
        return "new" if row.signature in self.new else "present"

    def to_dict(self) -> dict[str, Any]:
        return {"new": len(self.new), "present": len(self.present), "fixed": [dict(e) for e in self.fixed]}


def run_meta(*, tool: str, title: str, plan: str | None = None, plan_version: str | None = None,
             inputs: Sequence[str] = (), created: str | None = None) -> dict[str, Any]:
    """What a run was: the tool, its title, the plan and its version, the inputs and when (fields left out when unknown)."""
    return {k: v for k, v in (("tool", tool), ("title", title), ("plan", plan), ("plan_version", plan_version),
                              ("inputs", list(inputs)), ("created", created)) if v is not None}


def run_document(*, tool: str, title: str, summary: Summary, digest: Sequence[DigestRow] = (),
                 violations: Sequence[Violation] = (), violations_omitted: int = 0, inputs: Sequence[str] = (),
                 plan: str | None = None, plan_version: str | None = None, events: Sequence[EventCount] = (),
                 created: str | None = None, comparison: Comparison | None = None, notes: Sequence[str] = (),
                 extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The one JSON shape of a run (``--format json``, ``ValidationReport.to_dict()``; result.schema.json).

    ``violations_omitted`` counts the violations counted but not listed; ``extra``
    holds the tool's own summary fields (validate: ``outcomes``, ``formats``).
    """
    meta = run_meta(tool=tool, title=title, plan=plan, plan_version=plan_version, inputs=inputs, created=created)
    head = {**meta, **summary.to_dict(), "violations_omitted": violations_omitted,
            "by_event": [e.to_dict() for e in events], **(extra or {})}
    if notes:
        head["notes"] = list(notes)
    rows = [row.to_dict() for row in digest]
    if comparison is not None:
        head["baseline"] = comparison.to_dict()
        for entry, row in zip(rows, digest):
            entry["status"] = comparison.status(row)
    return {"summary": head, "digest": rows, "violations": [v.to_dict() for v in violations]}
