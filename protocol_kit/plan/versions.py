"""Event versions (``versions:`` in a plan, ``context.protocols.event_version`` in a payload) in order."""
from __future__ import annotations

import re

_PARTS = re.compile(r"\d+|[^\d.\-_]+")


def version_order(version: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key of event versions: ``2`` before ``10``, ``1.2`` before ``1.10``."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _PARTS.findall(version))
