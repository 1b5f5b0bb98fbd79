"""Output parts: what a worker process writes of each output, put together in input order by the parent.

With ``--jobs``, every slice of a file gets its own part of each output: a
temporary file beside the output (in the folder of its own temporary file, see
:class:`~protocol_kit.outputs.SafeOutput`; the system's temporary folder for a
device or a stream without a file). The parent copies the parts into the outputs
in input order, so that they are byte for byte what one process writes, and
deletes them; the parts of a failed or interrupted run are deleted with it, and
the outputs are left as they were.

Most bytes need no part: the slice whose turn it is (everything before it is in
the outputs) holds the :class:`Head`, and its worker appends straight to the
outputs' temporary files, first what it wrote while waiting for its turn (held in
memory up to :data:`HELD_BYTES`, in its part beyond), then the rest as it goes;
what is still held when a slice ends becomes its part. The parent hands the head on in input order, once it has put everything
before a slice in place and flushed what it wrote itself; until a run commits,
the outputs are still temporary files, so a failed run replaces nothing.
"""
from __future__ import annotations

import itertools
import os
import secrets
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from protocol_kit.errors import OutputError
from protocol_kit.outputs import PARTIAL_SUFFIX
from protocol_kit.validation.tally import Outputs

COPY_BLOCK = 1 << 20
HELD_BYTES = 32 << 20  # per output of a worker: what waits in memory for the slice's turn


@dataclass(frozen=True, slots=True)
class Part:
    path: str  # the temporary file
    output: str  # the output it is a part of, as errors name it
    direct: str | None = None  # the output's own temporary file, which the slice holding the head appends to


Parts = dict[str, Part]  # by output: "valid", "quarantine"


class Head:
    """Which slice may write straight into the outputs, shared by the parent and its workers."""

    def __init__(self, context) -> None:
        self._number = context.Value("q", -1)

    def give(self, number: int) -> None:
        self._number.value = number

    def held_by(self, number: int) -> bool:
        return self._number.value == number


class PartFiles:
    """Names the parts of ``outputs``, puts them into the outputs, and deletes what is left."""

    def __init__(self, outputs: Outputs):
        self._targets = {name: stream for name, stream in (("valid", outputs.valid),
                                                           ("quarantine", outputs.quarantine)) if stream is not None}
        self._folders = {name: _folder_of(stream) for name, stream in self._targets.items()}
        self._direct = {name: str(path) for name, stream in self._targets.items()
                        if (path := getattr(stream, "temporary", None)) is not None}
        self._run = secrets.token_hex(6)
        self._numbers = itertools.count()
        self._named: set[str] = set()

    def new(self) -> Parts:
        """Names for one more part of each output; the worker creates the files (only when it writes)."""
        number = next(self._numbers)
        parts = {name: Part(os.path.join(self._folders[name], f".{_shown(stream)}.{self._run}-{name}-{number}{PARTIAL_SUFFIX}"),
                            str(getattr(stream, "path", None) or getattr(stream, "name", "<output>")),
                            self._direct.get(name))
                 for name, stream in self._targets.items()}
        self._named.update(part.path for part in parts.values())
        return parts

    def put(self, parts: Parts) -> None:
        """Copy each part to the end of its output, then delete it."""
        for name, part in parts.items():
            target = self._targets[name]
            if name in self._direct:
                target.seek(0, os.SEEK_END)  # a worker may have written to it
            try:
                _append(part.path, target)
            except FileNotFoundError:
                pass  # nothing was written to it, or it went to the output directly
            self._named.discard(part.path)

    def hand_over(self, head: Head, number: int) -> None:
        """Let slice ``number`` write straight into the outputs: everything before it is in them."""
        for name in self._direct:
            self._targets[name].flush()
        head.give(number)

    def write_back(self) -> None:
        """Start writing the outputs back to the disk (see :meth:`~protocol_kit.outputs.SafeOutput.write_back`),
        while the workers go on: committing them then waits for little."""
        for stream in self._targets.values():
            if (start := getattr(stream, "write_back", None)) is not None:
                start()

    def discard(self) -> None:
        """Delete every part not put in place (the run failed or was interrupted)."""
        for path in list(self._named):
            self._delete(path)

    def _delete(self, path: str) -> None:
        Path(path).unlink(missing_ok=True)
        self._named.discard(path)


@contextmanager
def writing(parts: Parts, holds_head: Callable[[], bool] = lambda: False) -> Iterator[Outputs]:
    """The outputs a worker writes: its parts, each created on its first write, or, once ``holds_head``,
    the outputs themselves (where they are files)."""
    streams = {name: _PartStream(part, holds_head) for name, part in parts.items()}
    try:
        yield Outputs(valid=streams.get("valid"), quarantine=streams.get("quarantine"))
    finally:
        for stream in streams.values():
            stream.close()


class _PartStream:
    """A worker's part of one output. Where the output is a file, the lines written wait in memory (up to
    :data:`HELD_BYTES`) for the head: then they go to the output once, not to the part and again to the
    output; what is still held when the slice ends becomes the part. The lines are held as they are, not
    copied: a worker with a quarantine output has its slice's lines in memory anyway."""

    def __init__(self, part: Part, holds_head: Callable[[], bool]):
        self.part = part
        self._holds_head = holds_head if part.direct is not None else lambda: False
        self._file: BinaryIO | None = None
        self._held: list[list[bytes]] | None = [] if part.direct is not None and HELD_BYTES else None
        self._size = 0  # bytes held
        self._direct = False

    def write_lines(self, lines: list[bytes]) -> None:
        try:
            if not self._direct and self._holds_head():
                self._go_direct()
            if self._file is None and self._held is not None:
                size = sum(map(len, lines))
                if self._size + size <= HELD_BYTES:
                    self._held.append(lines)
                    self._size += size
                    return
            if self._file is None:
                self._file = open(self.part.path, "xb")
                self._write_held(self._file)
            self._file.write(b"".join(lines))
        except OSError as error:
            raise _error(self.part, error) from None

    def _write_held(self, stream: BinaryIO) -> None:
        for lines in self._held or ():
            stream.write(b"".join(lines))
        self._size, self._held = 0, None

    def _go_direct(self) -> None:
        """Append what the part holds to the output, delete the part, and write to the output from now on."""
        assert self.part.direct is not None
        output = open(self.part.direct, "ab")
        if self._file is not None:
            self._file.close()
            _append(self.part.path, output)
        self._write_held(output)
        self._file, self._direct = output, True

    def close(self) -> None:
        try:
            if self._size:
                with open(self.part.path, "xb") as part:
                    self._write_held(part)
            if self._file is not None:
                self._file.close()
        except OSError as error:
            raise _error(self.part, error) from None


def _append(path: str, stream: BinaryIO) -> None:
    """Copy the part at ``path`` to the end of ``stream``, then delete it."""
    with open(path, "rb") as part:
        shutil.copyfileobj(part, stream, COPY_BLOCK)
    os.unlink(path)


def _error(part: Part, error: OSError) -> OutputError:
    return OutputError(f"cannot write {part.output}: {error.strerror or error}")


def _folder_of(stream: BinaryIO) -> str:
    folder = getattr(stream, "folder", None)
    return str(folder) if folder is not None else tempfile.gettempdir()


def _shown(stream: BinaryIO) -> str:
    path = getattr(stream, "path", None)
    return Path(path).name if path is not None else "output"
