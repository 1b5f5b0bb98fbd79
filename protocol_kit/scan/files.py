"""Finding source files and reading them safely: huge, binary, minified and
non-UTF-8 files become notes, never crashes."""
from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from protocol_kit.errors import InputError
from protocol_kit.scan.config import ScanConfig
from protocol_kit.scan.languages import syntax_for
from protocol_kit.violation import Location, Violation

SKIP_DIRS = frozenset({
    "node_modules", "bower_components", "vendor", "Pods", "Carthage", ".git", ".hg", ".svn",
    "build", "dist", "out", "target", ".gradle", "DerivedData", ".next", ".nuxt",
    ".venv", "venv", ".tox", "__pycache__", ".mypy_cache", ".pytest_cache", "coverage",
})


def iter_source_files(paths: Iterable[str | Path], *, exclude: Iterable[str] = ()) -> Iterator[Path]:
    """Files of a known language under ``paths``. Directories are walked, skipping
    dependency and build folders; named files are taken as they are. A file reached
    twice (named twice, or inside a folder also given, or through a link) is scanned once."""
    patterns = tuple(exclude)
    seen: set[tuple[int, int]] = set()
    for path in _candidates(paths, patterns):
        try:
            info = path.stat()
        except OSError:  # a dangling link or a link loop: read_source reports it as skipped (SC005)
            yield path
            continue
        if (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            yield path


def _candidates(paths: Iterable[str | Path], patterns: tuple[str, ...]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from (f for f in _walk(path) if not _excluded(f, patterns))
        elif path.exists() or path.is_symlink():  # a file, or something read_source reports as skipped
            if syntax_for(path) and not _excluded(path, patterns):
                yield path
        else:
            raise InputError(f"{raw}: no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root, onerror=_unreadable):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            if syntax_for(name):
                yield Path(folder, name)


def _unreadable(error: OSError) -> None:
    raise InputError(f"{error.filename}: cannot read folder: {error.strerror}") from None


def _excluded(path: Path, patterns: tuple[str, ...]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p) for p in patterns)


class SourceText(NamedTuple):
    """The bytes to parse (UTF-8, or None when the file is skipped) and notes about reading it."""

    data: bytes | None
    notes: tuple[Violation, ...] = ()


def read_source(path: Path, config: ScanConfig, needles: tuple[bytes, ...]) -> SourceText:
    """The file's bytes when it may hold tracking calls; None for files not worth parsing."""
    name = str(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        return _skipped(name, "dangling symbolic link")
    except OSError as error:
        return _skipped(name, f"cannot be read ({error.strerror})")
    if not stat.S_ISREG(status.st_mode):
        return _skipped(name, f"not a regular file ({_file_type(status.st_mode)})")
    size = status.st_size
    if size > config.max_file_bytes:
        return _skipped(name, f"larger than {config.max_file_bytes // 1_000_000} MB ({size} bytes)")
    try:
        data = path.read_bytes()
    except OSError as error:
        return _skipped(name, f"cannot be read ({error.strerror})")
    if not any(needle in data for needle in needles):
        return SourceText(None)
    if b"\0" in data:
        return _skipped(name, "binary file (contains NUL bytes)")
    if _minified(data, config.max_line_length):
        return _skipped(name, f"minified or generated (most of it on lines over {config.max_line_length} characters)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        note = Violation.of("SC007", "not valid UTF-8; undecodable bytes were replaced",
                            source=Location(file=name, line=line))
        return SourceText(data.decode("utf-8", "replace").encode("utf-8"), (note,))
    return SourceText(data)


def _minified(data: bytes, limit: int) -> bool:
    """Judged on the whole file: more than half its bytes are on lines longer than ``limit``.

    One long line (an inline SVG, a data table) in a real source file does not make it minified.
    """
    if len(data) <= limit:
        return False
    long_bytes = sum(len(line) for line in data.split(b"\n") if len(line) > limit)
    return long_bytes * 2 > len(data)


def _file_type(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))
    return next((kind for test, kind in kinds if test(mode)), "not a file")


def _skipped(name: str, why: str) -> SourceText:
    return SourceText(None, (Violation.of("SC005", f"skipped: {why}", source=Location(file=name)),))
