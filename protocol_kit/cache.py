"""The project's cache folder: what one run keeps so the next run of the same project is faster.

Everything cached lives in ``.protocol-kit-cache/`` under the project's root (the
folder a command works in), which ignores itself for git: the plans read and compiled
(:mod:`protocol_kit.compile.cache`), scan's name index (:mod:`protocol_kit.scan.index`),
and, once the folder exists, the configuration check's verdict on an unchanged
``[tool.protocol-kit]`` (:mod:`protocol_kit.config`). ``validate`` and ``scan`` turn it
off with ``cache = false`` in their table or (scan) ``--no-cache``.
A cache only saves time: an entry that cannot be read is rebuilt, one that cannot be
written is left out (a read-only checkout runs as well, only slower), and results
never depend on it.
"""
from __future__ import annotations

import os
from pathlib import Path

CACHE_DIR = ".protocol-kit-cache"
_IGNORE = "# written by protocol-kit\n*\n"


def cache_folder(root: Path) -> Path:
    """The cache folder of the project at ``root``."""
    return root / CACHE_DIR


def read_cached(path: Path) -> bytes | None:
    """The bytes of a cache file, or None when there is none (or it cannot be read)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_cached(path: Path, data: bytes) -> bool:
    """Write a cache file atomically (a temporary file beside it, renamed into place); False when it cannot be.

    The cache folder (the first folder named :data:`CACHE_DIR` above ``path``) gets its
    ``.gitignore`` on first use. Readers see the old file or the new one, never a torn one.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _ignore_for_git(path.parent)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True


def _ignore_for_git(folder: Path) -> None:
    for candidate in (folder, *folder.parents):
        if candidate.name == CACHE_DIR:
            ignore = candidate / ".gitignore"
            if not ignore.exists():
                ignore.write_text(_IGNORE)
            return
