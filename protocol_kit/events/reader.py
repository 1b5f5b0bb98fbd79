"""Read events from files, folders and stdin without holding the stream in memory.

JSON Lines (``.jsonl``, ``.ndjson``, and anything else not ending in ``.json``)
is read line by line, in chunks of lines handed to the validator as they are:
memory does not grow with the number of events. A line may also hold a whole
request body an SDK sent (a batch, a form body...): the validator reads it
through the wire formats (:mod:`protocol_kit.events.wire`). A ``.json`` file
(one event, an array of events, or any body an SDK sends, such as a Segment
batch ``{"batch": [...]}``) is one JSON document and is parsed whole, so its
size is bounded by memory: use JSON Lines for large streams. So is a file of
any other name, and stdin, whose first line is not JSON by itself but whose
whole content is one JSON document (a pretty-printed body). ``.gz`` files are
decompressed on the fly. On stdin, input starting with ``[`` is read as one
JSON document, anything else as JSON Lines.

Bad input never stops the run: a line that is not JSON, a file that is not
valid JSON or a truncated gzip stream becomes an :class:`EventRecord` with an
``error``, reported as a malformed event.
"""
from __future__ import annotations

import gzip
import io
import itertools
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import orjson

from protocol_kit.errors import InputError
from protocol_kit.events.record import EventRecord
from protocol_kit.violation import Location

STDIN = "-"
STDIN_NAME = "<stdin>"
JSON_SUFFIXES = (".json",)
STREAM_SUFFIXES = (".jsonl", ".ndjson")
CHUNK_LINES = 1000
SLICE_BYTES_PER_LINE = 512
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


@dataclass(frozen=True, slots=True)
class FileSlice:
    """Whole lines of a plain JSON Lines file as a byte range; ``first_line`` is the number of the first."""

    file: str
    first_line: int
    start: int
    end: int

    def read(self) -> "LineChunk":
        with open(self.file, "rb") as stream:
            stream.seek(self.start)
            data = stream.read(self.end - self.start)
        return LineChunk(self.file, self.first_line, io.BytesIO(data).readlines())


def file_slices(path: Path, size: int) -> Iterator[FileSlice]:
    """Consecutive slices of about ``size`` bytes, cut after a newline (a longer line makes a longer slice)."""
    number, start = 1, 0
    with _open(path) as stream:
        carry = b""
        while block := stream.read(size):
            block = carry + block
            cut = block.rfind(b"\n") + 1
            if not cut:
                carry = block
                continue
            end = start + cut
            yield FileSlice(str(path), number, start, end)
            number += block.count(b"\n", 0, cut)
            start, carry = end, block[cut:]
        if carry:
            yield FileSlice(str(path), number, start, start + len(carry))


@dataclass(frozen=True, slots=True)
class LineChunk:
    """Consecutive raw lines of one JSON Lines source; ``first_line`` is the 1-based number of ``lines[0]``."""

    file: str
    first_line: int
    lines: list[bytes]


def read_events(paths: Iterable[str | Path]) -> Iterator[EventRecord]:
    """Every event of ``paths`` as a record, in input order (blank lines are skipped)."""
    for item in read_chunks(paths):
        if isinstance(item, EventRecord):
            yield item
            continue
        for number, line in enumerate(item.lines, item.first_line):
            if line.strip():
                yield parse_line(line, Location(file=item.file, line=number))


def parse_line(line: bytes, source: Location) -> EventRecord:
    try:
        return EventRecord(payload=orjson.loads(line), raw=line, source=source)
    except orjson.JSONDecodeError as error:
        return EventRecord(raw=line, source=source, error=_json_error(error))


def _json_error(error: orjson.JSONDecodeError) -> str:
    return f"not valid JSON: {error.msg} (at character {error.pos})"


def read_chunks(paths: Iterable[str | Path], *, chunk_lines: int = CHUNK_LINES,
                slices: bool = False) -> Iterator[LineChunk | FileSlice | EventRecord]:
    """Chunks of raw lines (JSON Lines sources) and records (JSON documents), in input order.

    With ``slices``, plain (not compressed) JSON Lines files come as
    :class:`FileSlice` byte ranges instead, read where they are processed:
    what worker processes need, so that the lines do not travel through pipes.
    Raises :class:`InputError` at once when a path does not exist.
    """
    return _chunks(list(expand_paths(paths)), chunk_lines, slices)


def _chunks(sources: list[Path | str], chunk_lines: int, slices: bool) -> Iterator[LineChunk | FileSlice | EventRecord]:
    for path in sources:
        if path == STDIN:
            yield from _read_stdin(chunk_lines)
        elif _is_json_document(path):
            yield from _document_records(_read_whole(path), str(path))
        elif (document := _document_in(path)) is not None:
            yield from _document_records(document, str(path))
        elif slices and not path.name.lower().endswith(".gz"):
            yield from file_slices(path, chunk_lines * SLICE_BYTES_PER_LINE)
        else:
            yield from _read_lines(path, chunk_lines)


def expand_paths(paths: Iterable[str | Path]) -> list[Path | str]:
    """Files as given, folders as the event files inside them (sorted), ``-`` for stdin."""
    given = [p if p == STDIN else Path(p) for p in paths]
    for path in given:
        if path != STDIN and not path.exists():
            raise InputError("no such file or folder", Location(file=str(path)))
    expanded: list[Path | str] = []
    for path in given:
        if path != STDIN and path.is_dir():
            expanded.extend(sorted(p for p in path.rglob("*") if p.is_file() and _is_event_file(p)))
        else:
            expanded.append(path)
    return expanded


def _is_event_file(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(JSON_SUFFIXES + STREAM_SUFFIXES)


def _is_json_document(path: Path) -> bool:
    return path.name.lower().removesuffix(".gz").endswith(JSON_SUFFIXES)


def _open(path: Path) -> BinaryIO:
    try:
        if path.name.lower().endswith(".gz"):
            return gzip.open(path, "rb")
        return open(path, "rb")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", Location(file=str(path))) from None


def _read_lines(path: Path, chunk_lines: int) -> Iterator[LineChunk | EventRecord]:
    with _open(path) as stream:
        if isinstance(stream, gzip.GzipFile):
            yield from _line_chunks(stream, str(path), chunk_lines)
        else:
            yield from _plain_chunks(stream, str(path), chunk_lines)


def _plain_chunks(stream: BinaryIO, name: str, chunk_lines: int) -> Iterator[LineChunk]:
    """Whole lines, about ``chunk_lines`` at a time, split in C (``readlines`` with a size hint)."""
    number, hint = 1, chunk_lines * SLICE_BYTES_PER_LINE
    while lines := stream.readlines(hint):
        yield LineChunk(name, number, lines)
        number += len(lines)


def _line_chunks(stream: BinaryIO, name: str, chunk_lines: int) -> Iterator[LineChunk | EventRecord]:
    number, lines = 1, []
    try:
        for line in stream:
            lines.append(line)
            if len(lines) == chunk_lines:
                yield LineChunk(name, number, lines)
                number, lines = number + chunk_lines, []
    except _GZIP_ERRORS as error:
        if lines:
            yield LineChunk(name, number, lines)
        yield EventRecord(source=Location(file=name, line=number + len(lines)),
                          error=f"unreadable gzip data after this point: {error}")
        return
    if lines:
        yield LineChunk(name, number, lines)


def _document_in(path: Path) -> bytes | None:
    """The content of a file holding one JSON document over several lines (a pretty-printed body), else None."""
    try:
        with _open(path) as stream:
            first = stream.readline()
            while first and not first.strip():
                first = stream.readline()
            if not _starts_document(first):
                return None
            data = first + stream.read()
    except _GZIP_ERRORS:
        return None  # the line reader reports where the data breaks
    return data if _is_json(data) else None


def _starts_document(line: bytes) -> bool:
    """A line that opens a JSON object or array without being JSON on its own."""
    return line.lstrip()[:1] in (b"{", b"[") and not _is_json(line)


def _is_json(data: bytes) -> bool:
    try:
        orjson.loads(data)
    except orjson.JSONDecodeError:
        return False
    return True


def _read_whole(path: Path) -> bytes | EventRecord:
    try:
        with _open(path) as stream:
            return stream.read()
    except _GZIP_ERRORS as error:
        return EventRecord(source=Location(file=str(path)), error=f"unreadable gzip data: {error}")


def _read_stdin(chunk_lines: int) -> Iterator[LineChunk | EventRecord]:
    stream = io.BufferedReader(sys.stdin.buffer) if not hasattr(sys.stdin.buffer, "peek") else sys.stdin.buffer
    if stream.peek(64).lstrip()[:1] == b"[":
        yield from _document_records(stream.read(), STDIN_NAME)
        return
    first = stream.readline()
    if _starts_document(first):
        data = first + stream.read()
        if _is_json(data):
            yield from _document_records(data, STDIN_NAME)
            return
        yield from _line_chunks(io.BytesIO(data), STDIN_NAME, chunk_lines)
    else:
        yield from _line_chunks(itertools.chain([first] if first else [], stream), STDIN_NAME, chunk_lines)


def _document_records(data: bytes | EventRecord, name: str) -> Iterator[EventRecord]:
    """The records of one JSON document: an event or body (a batch is split by the wire formats), or an array."""
    if isinstance(data, EventRecord):
        yield data
        return
    if not data.strip():
        yield EventRecord(raw=data, source=Location(file=name), error="empty file: expected a JSON event or array")
        return
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        yield EventRecord(raw=data, source=Location(file=name), error=_json_error(error))
        return
    if isinstance(document, list):
        for index, payload in enumerate(document):
            yield EventRecord(payload=payload, source=Location(file=name, index=index))
    else:
        yield EventRecord(payload=document, source=Location(file=name))
