"""Compiled plans: the schemas of one plan, their file names and their bytes."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from protocol_kit.compile.json_text import dumps_indented
from protocol_kit.errors import PlanError
from protocol_kit.violation import Location

INDEX_FILE = "index.json"
META_KEY = "x-protocol-kit"


@dataclass(frozen=True, slots=True)
class CompiledSchema:
    """The JSON Schema of one planned call: a track event by name, or identify/page/screen/group."""

    call: str
    event: str | None
    file: str  # relative to the plan's folder, with forward slashes
    schema: dict[str, Any]
    version: str | None = None  # the event version, for events planned with ``versions:``


@dataclass(frozen=True, slots=True)
class CompiledPlan:
    name: str
    version: str | None
    schemas: tuple[CompiledSchema, ...]

    def files(self) -> dict[str, bytes]:
        """Every file of the plan's folder (schemas and index) with its exact bytes."""
        files = {s.file: to_json_bytes(s.schema) for s in self.schemas}
        files[INDEX_FILE] = to_json_bytes(self.index())
        return dict(sorted(files.items()))

    def index(self) -> dict[str, Any]:
        return {
            "plan": self.name,
            "version": self.version,
            "schemas": [{"call": s.call, "event": s.event, "file": s.file,
                         **({"version": s.version} if s.version is not None else {})}
                        for s in sorted(self.schemas, key=lambda s: s.file)],
        }

    def track(self) -> Iterator[CompiledSchema]:
        return (s for s in self.schemas if s.call == "track")

    def schema_for(self, call: str, event: str | None = None) -> CompiledSchema | None:
        return next((s for s in self.schemas if s.call == call and (call != "track" or s.event == event)), None)


def to_json_bytes(value: Any) -> bytes:
    """The one serialisation of compiled output: sorted keys, two-space indent, UTF-8, final newline."""
    return (dumps_indented(value) + "\n").encode("utf-8")


def slug(name: str) -> str:
    """A file-name-safe form of an event name: ``Order Completed`` -> ``order_completed``."""
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|\d|\b|_)|[A-Z]?[a-z]+|[A-Z]+|\d+", name)
    return "_".join(w.lower() for w in words) or "event"


def load_compiled(folder: str | Path) -> CompiledPlan:
    """Read a compiled plan back from its folder (the one holding ``index.json``)."""
    folder = Path(folder)
    index_path = folder / INDEX_FILE
    try:
        index = json.loads(index_path.read_text("utf-8"))
        schemas = tuple(
            CompiledSchema(call=e["call"], event=e["event"], file=e["file"],
                           schema=json.loads((folder / e["file"]).read_text("utf-8")), version=e.get("version"))
            for e in index["schemas"]
        )
    except FileNotFoundError as error:
        raise PlanError(f"not a compiled plan folder: {error.filename} is missing",
                        Location(file=str(folder))) from None
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise PlanError(f"broken compiled plan: {error}", Location(file=str(index_path))) from None
    except RecursionError:
        raise PlanError("broken compiled plan: nested too deeply", Location(file=str(index_path))) from None
    return CompiledPlan(name=index["plan"], version=index.get("version"), schemas=schemas)
