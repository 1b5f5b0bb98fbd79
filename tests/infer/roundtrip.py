"""The round trip: a draft inferred from a stream validates that stream with no violations but those its
findings name. Each validation code is named by one inference finding at the same event and path."""
from __future__ import annotations

from typing import Iterable

from protocol_kit.violation import Violation

# validation code -> the inference finding that names it
NAMED_BY = {"EV004": "IN001", "EV008": "IN003", "EV003": "IN004", "EV001": "IN006", "EV002": "IN002",
            "EV005": "IN008"}


def unexplained(violations: Iterable[Violation], findings: Iterable[Violation]) -> list[Violation]:
    """The violations no finding names."""
    findings = list(findings)
    named = {(f.code, f.event, _field(f.path)) for f in findings}
    dropped = {f.actual for f in findings if f.code == "IN002"}
    unusable = any(f.code == "IN006" for f in findings)
    left = []
    for v in violations:
        code = NAMED_BY.get(v.code)
        if code == "IN006" and unusable or code == "IN002" and v.event in dropped:
            continue
        if code is not None and (code, v.event or v.event_type, _field(v.path)) in named:
            continue
        left.append(v)
    return left


def _field(pointer: str) -> str:
    """Array indices as ``*``, as inference names paths."""
    return "/".join("*" if part.isdigit() else part for part in pointer.split("/"))
