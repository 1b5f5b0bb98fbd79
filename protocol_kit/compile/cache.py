"""Plans read and compiled once per content, kept between runs: pre-commit runs one plan over and over.

An entry holds the :class:`~protocol_kit.plan.Plan` read from a plan file (what lint and scan
use), or its :class:`~protocol_kit.compile.CompiledPlan` (what validate uses: it is read back
without the plan model). Its file is named by a digest of everything that decides them:

- the bytes of the files the plan is read from (a csv plan's sidecar too, or its absence);
- the path as given (findings and locations name it) and the name and version given in
  place of the file's;
- the code that reads and compiles plans: protocol-kit's version, and the size and
  modification time of its plan and compile modules (a changed checkout is a new key).

Entries live in ``plans/`` of the project's cache folder (:mod:`protocol_kit.cache`), written
atomically. An entry that cannot be read, or holds another key or other records, is ignored
and rebuilt; at most :data:`MAX_ENTRIES` files are kept (the oldest go first). A cached plan equals
the plan read again, so no result depends on the cache (tests/compile/test_plan_cache.py).
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from protocol_kit import __version__
from protocol_kit.cache import read_cached, write_cached
from protocol_kit.compile.compiled import CompiledPlan

if TYPE_CHECKING:
    from protocol_kit.plan.model import Plan

FOLDER = "plans"
MAX_ENTRIES = 64
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = ("plan", "compile")  # the packages whose modules read and compile plans (with the core modules beside them)


class PlanCache:
    """Plans from plan files through the cache under ``folder`` (the project's cache folder)."""

    def __init__(self, folder: Path):
        self.folder = folder / FOLDER
        self.hits = self.misses = 0

    def plan(self, path: str | Path, *, name: str | None = None, version: str | None = None) -> Plan:
        """The plan at ``path``, as :func:`protocol_kit.plan.load_plan` reads it."""
        path = Path(path)
        from protocol_kit.plan.model import Plan

        key = entry_key(path, name=name, version=version)
        found = self._read(key, "plan", Plan)
        return found if found is not None else self._built(path, name, version, key)[0]

    def compiled(self, path: str | Path, *, name: str | None = None, version: str | None = None) -> CompiledPlan:
        """The plan at ``path`` compiled, as :func:`protocol_kit.compile.compile_plan` compiles it."""
        path = Path(path)
        key = entry_key(path, name=name, version=version)
        found = self._read(key, "compiled", CompiledPlan)
        if found is not None:
            return found
        compiled = self._built(path, name, version, key, compile=True)[1]
        assert compiled is not None
        return compiled

    def _read(self, key: str | None, kind: str, record: type) -> Any:
        """The ``kind`` record of entry ``key``, or None when there is no usable one."""
        data = read_cached(self._file(key, kind)) if key is not None else None
        try:
            entry = pickle.loads(data) if data is not None else None
        except Exception:  # a torn or foreign file: anything may fail while unpickling it
            entry = None
        if isinstance(entry, dict) and entry.get("key") == key and isinstance(entry.get(kind), record):
            self.hits += 1
            return entry[kind]
        self.misses += 1
        return None

    def _built(self, path: Path, name: str | None, version: str | None, key: str | None,
               *, compile: bool = False) -> tuple[Plan, CompiledPlan | None]:
        """Read (and compile) the plan, and keep what was made: the plan, and its compiled form."""
        from protocol_kit.plan import load_plan

        plan = load_plan(path, name=name, version=version)
        made: dict[str, Any] = {"plan": plan}
        if compile:
            from protocol_kit.compile.compiler import compile_plan

            made["compiled"] = compile_plan(plan)
        if key is not None:
            for kind, value in made.items():
                file = self._file(key, kind)
                if write_cached(file, pickle.dumps({"key": key, kind: value}, protocol=pickle.HIGHEST_PROTOCOL)):
                    _prune(self.folder, keep=file)
        return plan, made.get("compiled")

    def _file(self, key: str, kind: str) -> Path:
        return self.folder / f"{key}.{kind}.pickle"


def entry_key(path: Path, *, name: str | None = None, version: str | None = None) -> str | None:
    """The digest naming the entry of the plan at ``path``; None when a file of it cannot be read
    (the plan is then read without the cache, and the loader says what is wrong)."""
    from protocol_kit.plan.loader import plan_sources

    digest = hashlib.sha256()
    for part in (__version__, code_stamp(), os.fspath(path), name, version):
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    for source in plan_sources(path):
        try:
            data = source.read_bytes()
        except FileNotFoundError:
            if source == path:
                return None
            data = b"\0absent"  # a csv plan's missing sidecar
        except OSError:
            return None
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def code_stamp() -> tuple[tuple[str, int, int], ...]:
    """Size and modification time of the modules that read and compile plans (and the core modules)."""
    stamps = []
    folders = [_PACKAGE, *(_PACKAGE / name for name in _CODE)]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if folder != _PACKAGE and entry.name != "__pycache__":
                        folders.append(Path(entry.path))
                elif entry.name.endswith((".py", ".json")):
                    info = entry.stat()
                    stamps.append((entry.path, info.st_size, info.st_mtime_ns))
    return tuple(sorted(stamps))


def _prune(folder: Path, *, keep: Path) -> None:
    """Remove the oldest entries beyond :data:`MAX_ENTRIES` (the one just written stays)."""
    try:
        entries = sorted((e.stat().st_mtime_ns, Path(e.path)) for e in os.scandir(folder) if e.name.endswith(".pickle"))
        for _, old in entries[:max(0, len(entries) - MAX_ENTRIES)]:
            if old != keep:
                old.unlink(missing_ok=True)
    except OSError:
        pass
