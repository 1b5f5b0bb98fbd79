"""Baselines: problems accepted once, saved to a file, so that later runs tell new problems from known ones.

One file format for every tool (``--write-baseline``, ``[tool.protocol-kit.pii] baseline``)::

    {"version": 2, "tool": "validate",
     "signatures": [{"event": "Order Completed", "kind": "type_mismatch", "path": "/properties/total",
                     "code": "EV004", "count": 3}]}

An entry is a signature (:func:`protocol_kit.results.signature_of`: event or call
type, kind, JSON pointer with array indices as ``*``, code), so it names a problem,
not an occurrence. ``count`` says how often it was seen; ``category`` (personal data
only) narrows an entry to findings of that category, where an entry without one
covers every category. The file is sorted, indented JSON so that it diffs well.

Two earlier formats are read as well: version 1 (``--write-baseline``: the same
object without ``category``) and the personal-data baseline, a JSON list of
``{"event", "path", "category"}`` with dotted paths (``properties.products[*].email``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from protocol_kit import codes, pointer
from protocol_kit.errors import InputError
from protocol_kit.outputs import write_file
from protocol_kit.results import DigestRow, Signature, digest_path
from protocol_kit.violation import Location

FORMAT_VERSION = 2
FIELDS = ("event", "kind", "path", "code")
PERSONAL_DATA = "PII001"  # the code of the findings the personal-data baseline of earlier versions recorded
EXPECTED = ('{"version": 2, "signatures": [{"event", "kind", "path", "code"}, ...]} as written by '
            '--write-baseline, or a list of {"event", "path", "category"}')


@dataclass(frozen=True, slots=True)
class Entry:
    """One accepted problem: its signature, how often it was seen, and (personal data) its category."""

    signature: Signature
    count: int | None = None
    category: str | None = None

    def to_dict(self) -> dict[str, Any]:
        extra = {k: v for k, v in (("count", self.count), ("category", self.category)) if v is not None}
        return {**dict(zip(FIELDS, self.signature)), **extra}


@dataclass(frozen=True, slots=True)
class Baseline:
    """The entries of a baseline file, sorted by signature."""

    entries: tuple[Entry, ...] = ()
    tool: str | None = None
    # signature -> the categories its entries name (None: every category)
    _index: dict[Signature, set[str | None]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", tuple(sorted(set(self.entries), key=_order)))
        index: dict[Signature, set[str | None]] = {}
        for entry in self.entries:
            index.setdefault(entry.signature, set()).add(entry.category)
        object.__setattr__(self, "_index", index)

    def __bool__(self) -> bool:
        return bool(self.entries)

    @property
    def signatures(self) -> frozenset[Signature]:
        return frozenset(entry.signature for entry in self.entries)

    def covers(self, signature: Signature, *, category: str | None = None) -> bool:
        """True when an entry has ``signature`` (and, when it names one, ``category``)."""
        categories = self._index.get(signature)
        return categories is not None and (None in categories or category in categories)

    def to_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {"version": FORMAT_VERSION, "signatures": [e.to_dict() for e in self.entries]}
        return {**document, "tool": self.tool} if self.tool else document


def _order(entry: Entry) -> tuple[Signature, str]:
    return (entry.signature, entry.category or "")


def from_rows(rows: Iterable[DigestRow], *, tool: str | None = None) -> Baseline:
    """The baseline of a run: one entry per signature of its digest, with the count of occurrences."""
    counts: dict[Signature, int] = {}
    for row in rows:
        counts[row.signature] = counts.get(row.signature, 0) + row.count
    return Baseline(tuple(Entry(signature, count=n) for signature, n in counts.items()), tool=tool)


def dumps(baseline: Baseline) -> str:
    return json.dumps(baseline.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(baseline: Baseline, path: Path) -> None:
    write_file(path, dumps(baseline).encode("utf-8"))


def load(path: Path | str) -> Baseline:
    """The baseline saved in ``path``, in any of its formats; anything else is an :class:`InputError` naming it."""
    where = Location(file=str(path))
    try:
        document = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise InputError(f"cannot read the baseline: {reason}", where) from None
    except json.JSONDecodeError as error:
        raise InputError(f"the baseline is not JSON: {error}", where) from None
    except RecursionError:
        raise InputError("nested too deeply to be a baseline", where) from None
    return parse(document, where)


def parse(document: Any, where: Location | None = None) -> Baseline:
    """A baseline from its JSON document (version 1 or 2, or the earlier personal-data list)."""
    if isinstance(document, list):  # the personal-data baseline of earlier versions
        return Baseline(tuple(_entry(item, i, where) if isinstance(item, Mapping) and "code" in item
                              else _personal_entry(item, i, where) for i, item in enumerate(document)))
    if not isinstance(document, dict) or not isinstance(document.get("signatures"), list):
        raise InputError(f"not a baseline: expected {EXPECTED}", where)
    version = document.get("version", 1)
    if not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
        raise InputError(f"baseline version {version!r} is not one this version of protocol-kit reads "
                         f"(1 to {FORMAT_VERSION})", where)
    tool = document.get("tool")
    return Baseline(tuple(_entry(item, i, where) for i, item in enumerate(document["signatures"])),
                    tool=tool if isinstance(tool, str) else None)


def _entry(item: Any, index: int, where: Location | None) -> Entry:
    if not isinstance(item, Mapping) or not all(isinstance(item.get(f), str) for f in FIELDS):
        raise InputError(f"not a baseline: signatures[{index}] should have the strings "
                         f"{', '.join(FIELDS)}; expected {EXPECTED}", where)
    count, category = item.get("count"), item.get("category")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 0):
        raise InputError(f"not a baseline: signatures[{index}].count should be a count, got {count!r}", where)
    if category is not None and not isinstance(category, str):
        raise InputError(f"not a baseline: signatures[{index}].category should be a string", where)
    signature = (item["event"], item["kind"], digest_path(item["path"]), item["code"])
    return Entry(signature, count=count, category=category)


def _personal_entry(item: Any, index: int, where: Location | None) -> Entry:
    """An entry of the earlier personal-data baseline: ``{"event", "path" (dotted), "category"}``."""
    if not isinstance(item, Mapping) or not all(isinstance(item.get(f, ""), str)
                                                for f in ("event", "path", "category")):
        raise InputError(f"not a baseline: [{index}] should be an object with the strings event, path and "
                         f"category; expected {EXPECTED}", where)
    try:
        path = digest_path(pointer.join(dotted_parts(item.get("path", ""))))
    except ValueError as error:
        raise InputError(f"not a baseline: [{index}].path: {error}", where) from None
    signature = (item.get("event", ""), codes.get(PERSONAL_DATA).kind, path, PERSONAL_DATA)
    return Entry(signature, category=item.get("category", ""))


_DOTTED = re.compile(r'\.?([^.\[\]"]+)|\[(\d+|\*)\]|\[("(?:[^"\\]|\\.)*")\]')


def dotted_parts(path: str) -> list[str]:
    """The keys and indices of a dotted path: ``properties.products[*]["a.b"]`` -> properties, products, *, a.b."""
    parts, at = [], 0
    while at < len(path):
        match = _DOTTED.match(path, at)
        if match is None or (at == 0 and path.startswith(".")):
            raise ValueError(f"not a dotted path such as properties.products[*].email: {path!r}")
        key, index, quoted = match.groups()
        parts.append(key if key is not None else index if index is not None else json.loads(quoted))
        at = match.end()
    return parts
