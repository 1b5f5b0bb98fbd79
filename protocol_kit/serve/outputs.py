"""The collector's files: every event received (``--out``), and the valid and quarantine outputs of ``--mode``.

Each request's lines are written and flushed before its response is sent,
so an event the SDK was told about is on disk. ``--out`` is appended to and
holds every event received, read back by ``protocol-kit validate``: the
Segment-spec event as a JSON line, or, for an event that could not be read,
a quarantine record keeping what was sent.
"""
from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO, Iterable

from protocol_kit.errors import InputError
from protocol_kit.events.jsonl import json_line
from protocol_kit.events.quarantine import quarantine_line
from protocol_kit.serve.checking import CheckedEvent


def received_line(checked: CheckedEvent) -> bytes:
    record = checked.record
    return json_line(record.payload) if record.parsed else quarantine_line(record, checked.violations)


class Outputs:
    """The open output files; :meth:`write` appends one request's events to each."""

    def __init__(self, *, out: Path | None = None, valid_out: Path | None = None,
                 quarantine_out: Path | None = None):
        self._files = ExitStack()
        self.out = self._open(out, "ab")
        self.valid_out = self._open(valid_out, "wb")
        self.quarantine_out = self._open(quarantine_out, "wb")
        self.written = 0

    def _open(self, path: Path | None, mode: str) -> BinaryIO | None:
        if path is None:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return self._files.enter_context(open(path, mode))
        except OSError as error:
            raise InputError(f"cannot write {path}: {error.strerror or error}") from None

    def write(self, events: Iterable[CheckedEvent]) -> None:
        events = list(events)
        if self.out is not None:
            self.out.write(b"".join(received_line(e) for e in events))
            self.out.flush()
            self.written += len(events)
        for stream, lines in ((self.valid_out, [e.valid_line for e in events]),
                              (self.quarantine_out, [e.quarantine_line for e in events])):
            lines = [line for line in lines if line]
            if stream is not None and lines:
                stream.write(b"".join(lines))
                stream.flush()

    def close(self) -> None:
        self._files.close()
