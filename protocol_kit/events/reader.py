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
whole content is one JSON document (a pretty-printed body). gzip-compressed
input is recognised by its first bytes (not its name) and decompressed on the
fly, on files and on stdin. On stdin, input starting with ``[`` is read as one
JSON document, anything else as JSON Lines.

Bad input never stops the run: a line that is not JSON, a file that is not
valid JSON, an event nested deeper than :data:`~protocol_kit.limits.MAX_EVENT_DEPTH`
or a truncated gzip stream becomes an :class:`EventRecord` with an ``error``
(and the raw bytes, where there are some), reported as a malformed event.
Valid JSON that the fast parser refuses or would round (see
:mod:`protocol_kit.events.exact`) is read again exactly. A file or folder
that cannot be read at all is an :class:`InputError` before any event is read,
and a path given twice is read once.
"""
from __future__ import annotations

import gzip
import io
import itertools
import os
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, NamedTuple

import orjson

from protocol_kit.errors import InputError
from protocol_kit.events.parse import document_records, parse_line
from protocol_kit.events.record import EventRecord
from protocol_kit.violation import Location

STDIN = "-"
STDIN_NAME = "<stdin>"
JSON_SUFFIXES = (".json",)
STREAM_SUFFIXES = (".jsonl", ".ndjson")
CHUNK_LINES = 1000
SLICE_BYTES_PER_LINE = 512
LINE_SCAN_BLOCK = 1 << 12
GZIP_MAGIC = b"\x1f\x8b"
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


class FileSlice(NamedTuple):
    """The lines of a plain JSON Lines file that start in the byte range ``[start, end)``.

    A line starts at byte 0 or right after a newline, so consecutive slices
    (:meth:`split`) hold every line of the file exactly once, wherever their
    bounds fall: in a line, between CR and LF, inside a multi-byte character.
    ``first_line`` is the number given to the first of the lines. Slices are
    read where they are processed (a worker process), a chunk of lines at a
    time: the process that makes them never reads them.
    """

    file: str
    first_line: int
    start: int
    end: int

    def split_at(self, bounds: Iterable[int]) -> list["FileSlice"]:
        """The consecutive slices between ``bounds`` (offsets inside this slice, in order). The first keeps
        this slice's first line; the others number their lines from 1, their real first line numbers being
        known once the slices before them have been read."""
        edges = [self.start, *bounds, self.end]
        return [FileSlice(self.file, self.first_line if index == 0 else 1, low, high)
                for index, (low, high) in enumerate(zip(edges, edges[1:]))]

    def chunks(self, chunk_lines: int = CHUNK_LINES) -> Iterator["LineChunk"]:
        """The lines, about ``chunk_lines`` at a time, numbered from ``first_line``."""
        with open(self.file, "rb") as stream:
            start, end = line_start(stream, self.start), line_start(stream, self.end)
            stream.seek(start)
            number, position, hint = self.first_line, start, chunk_lines * SLICE_BYTES_PER_LINE
            while position < end and (lines := stream.readlines(min(hint, end - position))):
                size = sum(map(len, lines))
                while position + size > end:  # read on past the hint: ``end`` starts a line, the rest is not ours
                    size -= len(lines.pop())
                yield LineChunk(self.file, number, lines)
                number += len(lines)
                position += size

    def head(self, count: int) -> tuple["LineChunk | None", "FileSlice"]:
        """The first ``count`` lines as a chunk (None when there are none), and the slice of the lines after them."""
        with open(self.file, "rb") as stream:
            start, end = line_start(stream, self.start), line_start(stream, self.end)
            stream.seek(start)
            lines, position = [], start
            for line in itertools.islice(stream, count):
                if position >= end:
                    break
                lines.append(line)
                position += len(line)
        rest = FileSlice(self.file, self.first_line + len(lines), position, max(position, self.end))
        return (LineChunk(self.file, self.first_line, lines) if lines else None), rest

    def read(self) -> "LineChunk":
        """All the lines as one chunk."""
        return LineChunk(self.file, self.first_line, [line for chunk in self.chunks() for line in chunk.lines])


def line_start(stream: BinaryIO, offset: int) -> int:
    """The position of the first line that starts at or after ``offset``; the end of the file when none does."""
    if offset <= 0:
        return 0
    stream.seek(offset - 1)
    position = offset - 1
    while block := stream.read(LINE_SCAN_BLOCK):
        found = block.find(b"\n")
        if found >= 0:
            return position + found + 1
        position += len(block)
    return position


class LineChunk(NamedTuple):
    """Consecutive raw lines of one JSON Lines source; ``first_line`` is the 1-based number of ``lines[0]``."""

    file: str
    first_line: int
    lines: list[bytes]

    def chunks(self, size: int = CHUNK_LINES, *, first_line: int | None = None) -> Iterator["LineChunk"]:
        """The lines ``size`` at a time, numbered from ``first_line`` (default: this chunk's)."""
        first = self.first_line if first_line is None else first_line
        for start in range(0, len(self.lines), size):
            yield LineChunk(self.file, first + start, self.lines[start:start + size])


def read_events(paths: Iterable[str | Path]) -> Iterator[EventRecord]:
    """Every event of ``paths`` as a record, in input order (blank lines are skipped)."""
    for item in read_chunks(paths):
        if isinstance(item, EventRecord):
            yield item
            continue
        for number, line in enumerate(item.lines, item.first_line):
            if line.strip():
                yield parse_line(line, Location(file=item.file, line=number))


def read_chunks(paths: Iterable[str | Path], *, chunk_lines: int = CHUNK_LINES,
                slices: bool = False) -> Iterator[LineChunk | FileSlice | EventRecord]:
    """Chunks of raw lines (JSON Lines sources) and records (JSON documents), in input order.

    With ``slices``, each plain (not compressed) JSON Lines file comes as one
    :class:`FileSlice` of all its bytes instead, unread: worker processes cut it
    and read their own parts (see :mod:`protocol_kit.validation.parallel`), so
    that the lines do not travel through pipes. Compressed files and stdin are
    read here whatever ``slices`` says.
    Raises :class:`InputError` at once when a path does not exist.
    """
    return _chunks(list(expand_paths(paths)), chunk_lines, slices)


def _chunks(sources: list[Path | str], chunk_lines: int, slices: bool) -> Iterator[LineChunk | FileSlice | EventRecord]:
    for path in sources:
        if path == STDIN:
            yield from _read_stdin(chunk_lines)
        elif _is_json_document(path):
            yield from document_records(_read_whole(path), str(path))
        elif (document := _document_in(path)) is not None:
            yield from document_records(document, str(path))
        elif slices and not is_gzip(path):
            yield FileSlice(str(path), 1, 0, path.stat().st_size)
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
            expanded.extend(_folder_files(path))
        else:
            expanded.append(path)
    return _once(expanded)


def _folder_files(folder: Path) -> list[Path]:
    """The event files in ``folder`` and below, sorted; an unreadable folder is an error, not an empty one.

    Only regular files count: dangling links, link loops and named pipes in a tree are no event files.
    """
    found = []
    for root, folders, files in os.walk(folder, onerror=_unreadable):
        folders.sort()
        found.extend(path for name in files if _is_event_file(path := Path(root, name)) and path.is_file())
    for path in found:
        _check_readable(path)
    return sorted(found)


def _unreadable(error: OSError) -> None:
    raise InputError(f"cannot read folder: {error.strerror}", Location(file=error.filename)) from None


def _check_readable(path: Path) -> None:
    if not os.access(path, os.R_OK):
        raise InputError("cannot read: permission denied", Location(file=str(path)))


def _once(paths: list[Path | str]) -> list[Path | str]:
    """``paths`` without repeats: the same file given twice (or through a link, or in a folder given too) is read once."""
    seen: set[tuple[int, int] | str] = set()
    kept = []
    for path in paths:
        if path == STDIN:
            identity = STDIN
        else:
            _check_readable(path)
            stat = path.stat()
            identity = (stat.st_dev, stat.st_ino)
        if identity not in seen:
            seen.add(identity)
            kept.append(path)
    return kept


def _is_event_file(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(JSON_SUFFIXES + STREAM_SUFFIXES)


def _is_json_document(path: Path) -> bool:
    return path.name.lower().removesuffix(".gz").endswith(JSON_SUFFIXES)


def _open(path: Path) -> BinaryIO:
    """``path`` opened for reading, decompressed when its first bytes are gzip's."""
    try:
        return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", Location(file=str(path))) from None


def is_gzip(path: Path) -> bool:
    with open(path, "rb") as stream:
        return stream.read(2) == GZIP_MAGIC


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
    if stream.peek(2)[:2] == GZIP_MAGIC:
        stream = io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb"))
    try:
        start = stream.peek(64)
    except _GZIP_ERRORS as error:
        yield EventRecord(source=Location(file=STDIN_NAME), error=f"unreadable gzip data: {error}")
        return
    if start.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"[":
        yield from document_records(stream.read(), STDIN_NAME)
        return
    first = stream.readline()
    if _starts_document(first):
        data = first + stream.read()
        if _is_json(data):
            yield from document_records(data, STDIN_NAME)
            return
        yield from _line_chunks(io.BytesIO(data), STDIN_NAME, chunk_lines)
    else:
        yield from _line_chunks(itertools.chain([first] if first else [], stream), STDIN_NAME, chunk_lines)
