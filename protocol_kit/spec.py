"""The Segment-spec vocabulary, written once: the calls and the payload field each carries.

``track`` carries ``event`` and ``properties``; ``identify`` and ``group`` carry
``traits``; ``page`` and ``screen`` carry ``name`` and ``properties``; ``alias`` carries
neither. A plan defines track events by name and at most one section per other call.
"""
from __future__ import annotations

CALLS = ("track", "identify", "page", "screen", "group", "alias")
# the calls a plan has one section for, each with its payload field (in the order plans list them)
SECTION_FIELDS = {"identify": "traits", "group": "traits", "page": "properties", "screen": "properties"}
PAYLOAD_FIELD = {"track": "properties", **SECTION_FIELDS}  # call -> the field holding its planned data
PAYLOAD_FIELDS = ("properties", "traits")
