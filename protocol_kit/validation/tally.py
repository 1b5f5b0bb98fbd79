"""What a run adds up, batch by batch: where the events went and what was found, and the outputs written.

One process adds the result of every batch to one :class:`Tally` as it writes
the batch's output lines (:func:`tally_batches`). A worker process does the same
over its slice of a file, writing to its own output parts, and sends back only
its tally (counts, digest rows, the first violations up to the report's cap);
the parent merges the tallies in input order (:meth:`Tally.merge`), which gives
the tally one process would have made.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, NamedTuple

from protocol_kit.events.reader import FileSlice, LineChunk
from protocol_kit.validation.digest import ReportBuilder
from protocol_kit.validation.engine import BatchResult, Engine, RecordBatch
from protocol_kit.validation.report import Outcomes, ValidationReport

if TYPE_CHECKING:  # the detector loads only when a run looks for personal data
    from protocol_kit.validation.personal import PersonalData

_COUNTS = ("read", "passed", "omitted", "dropped", "quarantined", "reported")


class Outputs(NamedTuple):
    """Where passed events and quarantine records go (binary streams, JSON Lines); None: not kept."""

    valid: BinaryIO | None = None
    quarantine: BinaryIO | None = None

    def write(self, result: BatchResult) -> None:
        if self.valid is not None and result.passed_out:
            _write_lines(self.valid, result.passed_out)
        if self.quarantine is not None and result.quarantine_out:
            _write_lines(self.quarantine, result.quarantine_out)


def _write_lines(stream: BinaryIO, lines: list[bytes]) -> None:
    """``lines`` to ``stream`` in one write, or as they are to a stream that can keep them for later (a worker's
    part of an output, :mod:`~protocol_kit.validation.parts`)."""
    keep = getattr(stream, "write_lines", None)
    if keep is not None:
        keep(lines)
    else:
        stream.write(b"".join(lines))


@dataclass(slots=True)
class Tally:
    builder: ReportBuilder
    counts: BatchResult = field(default_factory=BatchResult)  # its lists stay empty: counts only

    @classmethod
    def empty(cls, *, max_violations: int) -> "Tally":
        return cls(ReportBuilder(max_violations=max_violations))

    @property
    def read(self) -> int:
        return self.counts.read

    def add(self, result: BatchResult) -> None:
        """Add the result of the next batch."""
        self._add_counts(result)
        for violations in result.violations:
            self.builder.add_event(violations)

    def merge(self, later: "Tally", *, line_shift: int = 0) -> None:
        """Add the tally of the events that came after these (``line_shift``: see :meth:`ReportBuilder.merge`)."""
        self._add_counts(later.counts)
        self.builder.merge(later.builder, line_shift=line_shift)

    def _add_counts(self, result: BatchResult) -> None:
        counts = self.counts
        for name in _COUNTS:
            setattr(counts, name, getattr(counts, name) + getattr(result, name))
        counts.formats.update(result.formats)
        for schema, count in result.pii_seen.items():
            counts.pii_seen[schema] = counts.pii_seen.get(schema, 0) + count

    def report(self, plan: str, mode: str, personal: PersonalData | None) -> ValidationReport:
        c = self.counts
        outcomes = Outcomes(mode=mode, read=c.read, passed=c.passed, omitted=c.omitted, dropped=c.dropped,
                            quarantined=c.quarantined, reported=c.reported)
        report = replace(self.builder.build(plan, outcomes), formats=dict(sorted(c.formats.items())))
        if personal is not None and c.pii_seen:
            report = replace(report, pii_notes=personal.summary(Counter(c.pii_seen)))
        return report


def tally_batches(engine: Engine, work: Iterable[LineChunk | FileSlice | RecordBatch], tally: Tally,
                  outputs: Outputs, progress: Callable[[int], None] | None = None) -> int:
    """Process ``work`` here, in order, writing ``outputs`` and adding to ``tally``; the number of lines read.

    A :class:`FileSlice` is read a chunk of lines at a time.
    """
    lines = 0
    for item in work:
        for batch in item.chunks() if isinstance(item, FileSlice) else (item,):
            result = engine.process(batch)
            outputs.write(result)
            tally.add(result)
            lines += len(batch.lines) if isinstance(batch, LineChunk) else 0
            if progress is not None:
                progress(tally.read)
    return lines
