"""Which file of the project declares which name, for languages that need no import to use one.

Swift (a whole module sees every enum), Kotlin and Java (same package, star
imports) and Ruby (constants are global) name things defined in files the
code does not import by path. The index lists, per file, the type, enum case
and constant names a cheap pattern finds; resolution then parses only the few
files declaring the name it needs. The index is built once per run and kept
in the project's cache folder (:mod:`protocol_kit.cache`), keyed by each file's
SHA-1 (with size and modification time as the quick check), so a pre-commit
run reads only the files that changed.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Iterator

from protocol_kit.cache import CACHE_DIR, cache_folder, read_cached, write_cached
from protocol_kit.scan.files import SKIP_DIRS as FOLDERS_NOT_SCANNED

CACHE_FILE = "scan-index.json"
VERSION = 1

# extension -> family: the files whose names can see each other without an import by path
FAMILIES = {".swift": "swift", ".kt": "jvm", ".kts": "jvm", ".java": "jvm", ".rb": "ruby", ".rake": "ruby"}
_SWIFT = re.compile(rb"\b(?:enum|struct|class|extension|protocol)\s+(\w+)|\bstatic\s+let\s+(\w+)|^let\s+(\w+)"
                    rb"|\bcase\s+(\w+(?:\s*=\s*[^,\n]+)?(?:\s*,\s*\w+(?:\s*=\s*[^,\n]+)?)*)", re.M)
_JVM = re.compile(rb"\b(?:class|object|interface|enum|record)\s+(?!class\b|interface\b)(\w+)|\bconst\s+val\s+(\w+)|^val\s+(\w+)"
                  rb"|\bstatic\s+final\s+[\w<>,.\[\]\s]+?\s(\w+)\s*=", re.M)
_RUBY = re.compile(rb"\b(?:module|class)\s+((?:\w+::)*[A-Z]\w*)|^\s*([A-Z][A-Z0-9_]*)\s*=(?!=)", re.M)
_CASE_NAME = re.compile(rb"(?:^|,)\s*(\w+)")
_PATTERNS = {"swift": _SWIFT, "jvm": _JVM, "ruby": _RUBY}
SKIP_DIRS = FOLDERS_NOT_SCANNED | {CACHE_DIR}


def declared_names(family: str, data: bytes) -> list[str]:
    """The names a file of ``family`` may declare (types, enum cases, constants)."""
    names: set[str] = set()
    for match in _PATTERNS[family].finditer(data):
        found = next(g for g in match.groups() if g is not None)
        if family == "swift" and match.group(4) is not None:
            names.update(m.decode() for m in _CASE_NAME.findall(re.sub(rb"=\s*[^,\n]+", b"", found)))
        elif family == "ruby":
            names.update(part.decode() for part in found.split(b"::"))
        else:
            names.add(found.decode())
    return sorted(names)


class NameIndex:
    """``family -> name -> files declaring it`` over the project, from the cache where files did not change.

    A family is indexed the first time one of its names is looked up, so a Kotlin
    lookup checks only the Kotlin and Java files of the project; each family has
    its own cache file.
    """

    def __init__(self, root: Path, *, cache: bool = True):
        self.root = root
        self.cache_dir = cache_folder(root) if cache else None
        self.by_name: dict[str, dict[str, list[str]]] = {}
        self.read = self.reused = 0
        self._files: dict[str, list[str]] | None = None

    def files_declaring(self, family: str, name: str) -> list[Path]:
        if family not in self.by_name:
            self.by_name[family] = self._build(family)
        return [Path(self.root, relative) for relative in self.by_name[family].get(name, ())]

    def cache_file(self, family: str) -> Path | None:
        return self.cache_dir / CACHE_FILE.replace(".json", f"-{family}.json") if self.cache_dir else None

    def _build(self, family: str) -> dict[str, list[str]]:
        if self._files is None:
            self._files = {}
            for relative in _walk(str(self.root)):
                self._files.setdefault(FAMILIES[os.path.splitext(relative)[1].lower()], []).append(relative)
        cached = self._load(family)
        entries: dict[str, list] = {}
        names: dict[str, list[str]] = {}
        for relative in sorted(self._files.get(family, ())):
            path = os.path.join(self.root, relative)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            entry = cached.get(relative)
            if entry is not None and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
                self.reused += 1
            else:
                entry = self._entry(path, stat, family, entry)
            entries[relative] = entry
            for name in entry[3]:
                names.setdefault(name, []).append(relative)
        if entries != cached:
            self._save(family, entries)
        return names

    def _entry(self, path: str, stat: os.stat_result, family: str, old: list | None) -> list:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return [stat.st_size, stat.st_mtime_ns, "", []]
        import hashlib  # a file that changed in size or time: is its content new?

        digest = hashlib.sha1(data).hexdigest()
        if old is not None and old[2] == digest:
            self.reused += 1
            return [stat.st_size, stat.st_mtime_ns, digest, old[3]]
        self.read += 1
        return [stat.st_size, stat.st_mtime_ns, digest, declared_names(family, data)]

    def _load(self, family: str) -> dict[str, list]:
        path = self.cache_file(family)
        if path is None:
            return {}
        data = read_cached(path)
        try:
            document = json.loads(data) if data is not None else {}
        except ValueError:
            return {}
        return document.get("files", {}) if isinstance(document, dict) and document.get("version") == VERSION else {}

    def _save(self, family: str, files: dict[str, list]) -> None:
        path = self.cache_file(family)
        if path is None:
            return
        write_cached(path, json.dumps({"version": VERSION, "files": files}, separators=(",", ":")).encode("utf-8"))


def _walk(root: str) -> Iterator[str]:
    """Paths (relative to ``root``, with ``/``) of the indexed families' files, without reading or stat-ing them."""
    stack = [""]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(os.path.join(root, folder) if folder else root))
        except OSError:
            continue
        for entry in entries:
            relative = f"{folder}/{entry.name}" if folder else entry.name
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIP_DIRS:
                    stack.append(relative)
            elif os.path.splitext(entry.name)[1].lower() in FAMILIES:
                yield relative
