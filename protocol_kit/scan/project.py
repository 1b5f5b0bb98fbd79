"""The code base around the scanned files, for names defined in other files.

A :class:`Project` parses a file the first time a name is looked up in it
and keeps it for the run; languages find the file from an import (ES
modules, Python) or from the :class:`~protocol_kit.scan.index.NameIndex`
(Swift, Kotlin, Java, Ruby).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from protocol_kit.scan.languages import syntax_for
from protocol_kit.scan.languages.base import SourceFile

if TYPE_CHECKING:
    from protocol_kit.scan.index import NameIndex

MAX_MODULE_BYTES = 2_000_000


class Project:
    """Files parsed on demand under ``root``, and the project's name index (built on first use)."""

    def __init__(self, root: str | Path = ".", *, cache: bool = True):
        self.root = Path(os.path.abspath(root))
        self.cache = cache
        self._modules: dict[str, SourceFile | None] = {}
        self._index: NameIndex | None = None
        self.tables: dict[object, object] = {}  # per-project tables a language builds once (tsconfig...)

    def module(self, path: str | Path) -> SourceFile | None:
        """The parsed file at ``path``, or None when it is missing or not a language the scanner reads."""
        key = os.path.abspath(path)
        if key not in self._modules:
            self._modules[key] = self._parse(key)
        return self._modules[key]

    def parse(self, data: bytes, path: str) -> SourceFile:
        """The file a scan reads, parsed once: shared with the lookups of other files' names."""
        key = os.path.abspath(path)
        known = self._modules.get(key)
        if known is not None and known.data == data and known.path == path:
            return known
        syntax = syntax_for(path)
        assert syntax is not None
        source = self._modules[key] = SourceFile(syntax, data, path, project=self)
        return source

    def _parse(self, path: str) -> SourceFile | None:
        syntax = syntax_for(path)
        if syntax is None or not os.path.isfile(path) or os.path.getsize(path) > MAX_MODULE_BYTES:
            return None
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        return SourceFile(syntax, data, display(path), project=self)

    @property
    def index(self) -> NameIndex:
        if self._index is None:  # Swift, Kotlin, Java and Ruby only
            from protocol_kit.scan.index import NameIndex

            self._index = NameIndex(self.root, cache=self.cache)
        return self._index

    def files_declaring(self, family: str, name: str) -> list[Path]:
        return self.index.files_declaring(family, name)


def display(path: str) -> str:
    """A path as findings show it: relative to the working directory when under it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative
