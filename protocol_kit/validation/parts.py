"""Output parts: what a worker process writes of each output, put together in input order by the parent.

With ``--jobs``, every slice of a file gets its own part of each output: a
temporary file beside the output (in the folder of its own temporary file, see
:class:`~protocol_kit.outputs.SafeOutput`; the system's temporary folder for a
device or a stream without a file). The parent copies the parts into the outputs
in input order, so that they are byte for byte what one process writes, and
deletes them; the parts of a failed or interrupted run are deleted with it, and
the outputs are left as they were.
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
from typing import BinaryIO, Iterator

from protocol_kit.errors import OutputError
from protocol_kit.outputs import PARTIAL_SUFFIX
from protocol_kit.validation.tally import Outputs

COPY_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Part:
    path: str  # the temporary file
    output: str  # the output it is a part of, as errors name it


Parts = dict[str, Part]  # by output: "valid", "quarantine"


class PartFiles:
    """Names the parts of ``outputs``, puts them into the outputs, and deletes what is left."""

    def __init__(self, outputs: Outputs):
        self._targets = {name: stream for name, stream in (("valid", outputs.valid),
                                                           ("quarantine", outputs.quarantine)) if stream is not None}
        self._folders = {name: _folder_of(stream) for name, stream in self._targets.items()}
        self._run = secrets.token_hex(6)
        self._numbers = itertools.count()
        self._named: set[str] = set()

    def new(self) -> Parts:
        """Names for one more part of each output; the worker creates the files (only when it writes)."""
        number = next(self._numbers)
        parts = {name: Part(os.path.join(self._folders[name], f".{_shown(stream)}.{self._run}-{name}-{number}{PARTIAL_SUFFIX}"),
                            str(getattr(stream, "path", None) or getattr(stream, "name", "<output>")))
                 for name, stream in self._targets.items()}
        self._named.update(part.path for part in parts.values())
        return parts

    def put(self, parts: Parts) -> None:
        """Copy each part to the end of its output, then delete it."""
        for name, part in parts.items():
            try:
                with open(part.path, "rb") as source:
                    shutil.copyfileobj(source, self._targets[name], COPY_BLOCK)
            except FileNotFoundError:
                pass  # nothing was written to it
            self._delete(part.path)

    def discard(self) -> None:
        """Delete every part not put in place (the run failed or was interrupted)."""
        for path in list(self._named):
            self._delete(path)

    def _delete(self, path: str) -> None:
        Path(path).unlink(missing_ok=True)
        self._named.discard(path)


@contextmanager
def writing(parts: Parts) -> Iterator[Outputs]:
    """The outputs a worker writes: its parts, each created on its first write."""
    streams = {name: _PartStream(part) for name, part in parts.items()}
    try:
        yield Outputs(valid=streams.get("valid"), quarantine=streams.get("quarantine"))
    finally:
        for stream in streams.values():
            stream.close()


class _PartStream:
    def __init__(self, part: Part):
        self.part = part
        self._file: BinaryIO | None = None

    def write(self, data: bytes) -> int:
        try:
            if self._file is None:
                self._file = open(self.part.path, "xb")
            return self._file.write(data)
        except OSError as error:
            raise _error(self.part, error) from None

    def close(self) -> None:
        if self._file is not None:
            try:
                self._file.close()
            except OSError as error:
                raise _error(self.part, error) from None


def _error(part: Part, error: OSError) -> OutputError:
    return OutputError(f"cannot write {part.output}: {error.strerror or error}")


def _folder_of(stream: BinaryIO) -> str:
    folder = getattr(stream, "folder", None)
    return str(folder) if folder is not None else tempfile.gettempdir()


def _shown(stream: BinaryIO) -> str:
    path = getattr(stream, "path", None)
    return Path(path).name if path is not None else "output"
