"""Baselines: the signatures of a run saved to a file, and a later run compared with them.

A signature is (event, kind, path, code) with array indices in the path as
``*``: it names a problem, not an occurrence, so it survives new data. A run
compared with a baseline has each problem marked new or still present, and
the baseline's problems that are gone listed as fixed. The file is sorted,
indented JSON so that it diffs well in review.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from protocol_kit.errors import InputError
from protocol_kit.outputs import write_file
from protocol_kit.report.data import Comparison, ReportData
from protocol_kit.violation import Location

FORMAT_VERSION = 1
FIELDS = ("event", "kind", "path", "code")


def entries(data: ReportData) -> list[dict[str, Any]]:
    """The run's signatures with their counts, sorted."""
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for row in data.digest:
        counts[row.signature] += row.count
    return [dict(zip(FIELDS, signature), count=n) for signature, n in sorted(counts.items())]


def dumps(data: ReportData) -> str:
    document = {"version": FORMAT_VERSION, "tool": data.tool, "signatures": entries(data)}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(data: ReportData, path: Path) -> None:
    write_file(path, dumps(data).encode("utf-8"))


def load(path: Path) -> list[dict[str, Any]]:
    """The signatures saved in ``path``; an unreadable file is an input error (exit code 2)."""
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the baseline: {error}", Location(file=str(path))) from None
    except json.JSONDecodeError as error:
        raise InputError(f"the baseline is not JSON: {error}", Location(file=str(path))) from None
    except RecursionError:
        raise InputError("nested too deeply to be a baseline", Location(file=str(path))) from None
    signatures = document.get("signatures") if isinstance(document, dict) else None
    if not isinstance(signatures, list) or not all(
            isinstance(e, dict) and all(isinstance(e.get(f), str) for f in FIELDS) for e in signatures):
        raise InputError("not a baseline: expected {\"signatures\": [{event, kind, path, code}, ...]} "
                         "as written by --write-baseline", Location(file=str(path)))
    return signatures


def compare(data: ReportData, baseline: list[dict[str, Any]]) -> ReportData:
    """``data`` with each digest row classified against ``baseline``."""
    before = {tuple(e[f] for f in FIELDS) for e in baseline}
    now = {row.signature for row in data.digest}
    fixed = tuple(e for e in sorted(baseline, key=lambda e: tuple(e[f] for f in FIELDS))
                  if tuple(e[f] for f in FIELDS) not in now)
    return replace(data, comparison=Comparison(new=frozenset(now - before), present=frozenset(now & before),
                                               fixed=fixed))
