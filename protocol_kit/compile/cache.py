"""Plans read and compiled once per content, kept between runs: pre-commit runs one plan over and over.

An entry holds the :class:`~protocol_kit.plan.Plan` read from a plan file (what scan uses),
or its :class:`~protocol_kit.compile.CompiledPlan` (what validate uses: JSON, read back
without the plan model or the YAML parser). Its key is everything that decides them:

- the bytes of the files the plan is read from (a csv plan's sidecar too, or its absence);
- the path as given (findings and locations name it) and the name and version given in
  place of the file's;
- the code that reads and compiles plans: protocol-kit's version, and the size and
  modification time of its plan and compile modules (a changed checkout is a new key).

An entry's file is named by a CRC-32 digest of its key and starts with the key itself, which
must equal the one asked for: a digest shared by two keys costs a rebuild, never a wrong plan.
Entries live in ``plans/`` of the project's cache folder (:mod:`protocol_kit.cache`), written
atomically. An entry that cannot be read, holds another key or is not the record it should
be, is ignored and rebuilt; at most :data:`MAX_ENTRIES` files are kept (the oldest go first).
A cached plan equals the plan read again, so no result depends on the cache
(tests/commands/test_plan_cache.py).
"""
from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from protocol_kit import __version__
from protocol_kit.cache import read_cached, write_cached

if TYPE_CHECKING:
    from protocol_kit.compile.compiled import CompiledPlan
    from protocol_kit.plan.model import Plan

FOLDER = "plans"
MAX_ENTRIES = 64
MAGIC = b"protocol-kit plan cache 1\n"
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
        key = entry_key(path, name=name, version=version)
        found = _plan_from(self._read(key, "plan"))
        if found is not None:
            self.hits += 1
            return found
        return self._built(path, name, version, key)[0]

    def compiled(self, path: str | Path, *, name: str | None = None, version: str | None = None) -> CompiledPlan:
        """The plan at ``path`` compiled, as :func:`protocol_kit.compile.compile_plan` compiles it."""
        path = Path(path)
        key = entry_key(path, name=name, version=version)
        found = _compiled_from(self._read(key, "compiled"))
        if found is not None:
            self.hits += 1
            return found
        compiled = self._built(path, name, version, key, compile=True)[1]
        assert compiled is not None
        return compiled

    def _read(self, key: bytes | None, kind: str) -> bytes | None:
        """The payload of entry ``key`` of ``kind``, or None when there is no entry of that key."""
        data = read_cached(self._file(key, kind)) if key is not None else None
        head = _head(key) if key is not None else b""
        return data[len(head):] if data is not None and data.startswith(head) else None

    def _built(self, path: Path, name: str | None, version: str | None, key: bytes | None,
               *, compile: bool = False) -> tuple[Plan, CompiledPlan | None]:
        """Read (and compile) the plan, and keep what was made: the plan, and its compiled form."""
        from protocol_kit.plan import load_plan

        self.misses += 1
        plan = load_plan(path, name=name, version=version)
        compiled = None
        if compile:
            from protocol_kit.compile.compiler import compile_plan

            compiled = compile_plan(plan)
        if key is not None:
            self._write(key, "plan", _plan_bytes(plan))
            if compiled is not None:
                self._write(key, "compiled", _compiled_bytes(compiled))
        return plan, compiled

    def _write(self, key: bytes, kind: str, payload: bytes | None) -> None:
        if payload is None:
            return
        file = self._file(key, kind)
        if write_cached(file, _head(key) + payload):
            _prune(self.folder, keep=file)

    def _file(self, key: bytes | None, kind: str) -> Path:
        return self.folder / f"{zlib.crc32(key or b''):08x}-{len(key or b''):x}.{kind}"


def _head(key: bytes) -> bytes:
    """How an entry starts: the format's mark and its whole key, compared when read."""
    return MAGIC + len(key).to_bytes(8, "big") + key


def entry_key(path: Path, *, name: str | None = None, version: str | None = None) -> bytes | None:
    """The key of the entry of the plan at ``path``; None when a file of it cannot be read
    (the plan is then read without the cache, and the loader says what is wrong)."""
    from protocol_kit.plan.loader import plan_sources

    parts = [repr((__version__, code_stamp(), os.fspath(path), name, version)).encode("utf-8", "surrogatepass")]
    for source in plan_sources(path):
        try:
            data = source.read_bytes()
        except FileNotFoundError:
            if source == path:
                return None
            data = b"\0absent"  # a csv plan's missing sidecar
        except OSError:
            return None
        parts.append(len(data).to_bytes(8, "big") + data)
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


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


def _compiled_bytes(compiled: CompiledPlan) -> bytes | None:
    """A compiled plan as JSON; None when JSON would not give it back exactly (a tuple, a NaN...)."""
    import orjson

    document = {"name": compiled.name, "version": compiled.version,
                "schemas": [{"call": s.call, "event": s.event, "file": s.file, "schema": s.schema,
                             "version": s.version} for s in compiled.schemas]}
    try:
        data = orjson.dumps(document)
    except (TypeError, orjson.JSONEncodeError):
        return None
    return data if orjson.loads(data) == document else None


def _compiled_from(payload: bytes | None) -> CompiledPlan | None:
    if payload is None:
        return None
    import orjson

    from protocol_kit.compile.compiled import CompiledPlan, CompiledSchema

    try:
        document = orjson.loads(payload)
        return CompiledPlan(name=document["name"], version=document["version"],
                            schemas=tuple(CompiledSchema(**schema) for schema in document["schemas"]))
    except (ValueError, KeyError, TypeError):  # a torn or foreign entry
        return None


def _plan_bytes(plan: Plan) -> bytes | None:
    import pickle

    try:
        return pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None


def _plan_from(payload: bytes | None) -> Plan | None:
    if payload is None:
        return None
    import pickle

    from protocol_kit.plan.model import Plan

    try:
        plan = pickle.loads(payload)
    except Exception:  # a torn entry: anything may fail while unpickling it
        return None
    return plan if isinstance(plan, Plan) else None


def _prune(folder: Path, *, keep: Path) -> None:
    """Remove the oldest entries beyond :data:`MAX_ENTRIES` (the one just written stays)."""
    try:
        entries = sorted((e.stat().st_mtime_ns, Path(e.path)) for e in os.scandir(folder)
                         if e.name.endswith((".plan", ".compiled")))
        for _, old in entries[:max(0, len(entries) - MAX_ENTRIES)]:
            if old != keep:
                old.unlink(missing_ok=True)
    except OSError:
        pass
