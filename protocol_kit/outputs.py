"""Writing output files safely: never over an input, never torn, replaced only when the run succeeds.

:func:`check_outputs` runs before anything is opened: an output that is an
input (the same path, a hard link or a symlink to it) or another output is
refused. :class:`SafeOutput` writes to a temporary file in the target folder
and renames it into place when the run completes, so an interrupted or
failed run leaves earlier outputs as they were; ``append`` starts the
temporary file with the target's content. What is written goes back to the
disk as the run goes (:meth:`SafeOutput.write_back`, every
:data:`WRITE_BACK_BYTES`), so the sync before the rename waits only for the
last of it. Devices (``/dev/stdout``,
``/dev/full``) are written directly. Every write error becomes an
:class:`~protocol_kit.errors.OutputError` naming the file.
"""
from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Iterable, Mapping

from protocol_kit.errors import OutputError

PARTIAL_SUFFIX = ".partial"
WRITE_BACK_BYTES = 16 << 20


def _identity(path: Path) -> tuple[int, int] | str:
    """What makes two paths one file: device and inode when it exists, else the resolved path."""
    try:
        info = path.stat()
    except OSError:
        return os.path.realpath(path)
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else f"device:{os.path.realpath(path)}"


def check_outputs(outputs: Mapping[str, Path], inputs: Iterable[Path | str]) -> None:
    """Refuse outputs that are inputs or each other; ``outputs`` maps an option name to its path."""
    taken: dict[tuple[int, int] | str, str] = {}
    for source in inputs:
        if source != "-":
            taken.setdefault(_identity(Path(source)), f"is also an input ({source})")
    for option, path in outputs.items():
        identity = _identity(path)
        if isinstance(identity, str) and identity.startswith("device:"):
            continue  # /dev/stdout, /dev/null: several outputs may share them
        if identity in taken:
            raise OutputError(f"{option} {path} {taken[identity]}: refusing to overwrite it")
        taken[identity] = f"is also given to {option}"


def _is_device(path: Path) -> bool:
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


class SafeOutput:
    """A binary output file written through a temporary file (``with`` commits on success, discards on error)."""

    def __init__(self, path: Path, *, append: bool = False):
        self.path = Path(path)
        self.append = append
        self._temp: Path | None = None
        self._stream = None
        self._unsynced = 0  # bytes written since the last write-back started
        self._syncing: threading.Thread | None = None
        self._sync_error: OSError | None = None

    def __enter__(self) -> "SafeOutput":
        try:
            if _is_device(self.path):
                self._stream = open(self.path, "ab" if self.append else "wb")
                return self
            if not self.path.parent.is_dir():
                raise OutputError(f"cannot write {self.path}: folder {self.path.parent} does not exist")
            import shutil
            import tempfile

            handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                            suffix=PARTIAL_SUFFIX)
            self._temp, self._stream = Path(name), os.fdopen(handle, "wb")
            if self.append and self.path.exists():
                with open(self.path, "rb") as existing:
                    shutil.copyfileobj(existing, self._stream)
        except OSError as error:
            self.discard()
            raise self._error(error) from None
        return self

    @property
    def folder(self) -> Path | None:
        """The folder of the temporary file (where other temporary parts of the output belong); None for a device."""
        return self._temp.parent if self._temp is not None else None

    @property
    def temporary(self) -> Path | None:
        """The temporary file (None for a device): worker processes of the run append to it in turn."""
        return self._temp

    def write(self, data: bytes) -> int:
        try:
            written = self._stream.write(data)
        except OSError as error:
            raise self._error(error) from None
        self._unsynced += written
        if self._unsynced >= WRITE_BACK_BYTES:
            self.write_back()
        return written

    def write_back(self) -> None:
        """Start writing what the file holds to the disk, in the background (once at a time): the sync at
        :meth:`commit` then has only what came after to wait for. Its error, if any, is raised there."""
        if self._temp is None or (self._syncing is not None and self._syncing.is_alive()):
            return
        self.flush()
        self._unsynced = 0
        self._syncing = threading.Thread(target=self._sync, args=(self._stream.fileno(),), daemon=True)
        self._syncing.start()

    def _sync(self, descriptor: int) -> None:
        try:
            getattr(os, "fdatasync", os.fsync)(descriptor)  # macOS has no fdatasync
        except OSError as error:  # the kernel reports a write-back error once per open file: keep it for commit
            self._sync_error = error

    def _synced(self) -> None:
        """Wait for the write-back in progress; raise the error one met."""
        if self._syncing is not None:
            self._syncing.join()
            self._syncing = None
        if self._sync_error is not None:
            error, self._sync_error = self._sync_error, None
            raise error

    def tell(self) -> int:
        return self._stream.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise self._error(error) from None

    def commit(self) -> None:
        try:
            self._stream.flush()
            if self._temp is not None:
                self._synced()
                os.fsync(self._stream.fileno())
            self._stream.close()
            if self._temp is not None:
                os.chmod(self._temp, _mode_for(self.path))
                os.replace(self._temp, self.path)
                self._temp = None
        except OSError as error:
            self.discard()
            raise self._error(error) from None

    def discard(self) -> None:
        try:
            self._synced()
        except OSError:
            pass  # the file is deleted anyway
        if self._stream is not None:
            try:
                self._stream.close()
            except OSError:
                pass
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None

    def __exit__(self, kind, error, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def _error(self, error: OSError) -> OutputError:
        return OutputError(f"cannot write {self.path}: {error.strerror or error}")


def _mode_for(path: Path) -> int:
    """The permissions the target has, or those a new file gets (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_file(path: Path, content: bytes, *, append: bool = False) -> None:
    """``content`` written to ``path`` whole, or not at all."""
    with SafeOutput(path, append=append) as output:
        output.write(content)
