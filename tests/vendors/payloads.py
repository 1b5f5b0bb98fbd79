"""Payloads near what a JSON Schema describes, as a hypothesis strategy (the subset vendor plans use).

They need not all be valid: the equivalence test compares two validators' verdicts on whatever is drawn.
Written for the tests, sharing nothing with the importers.
"""
from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

JSON_SCALARS = st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=8)
FORMATS = {
    "date-time": st.datetimes().map(lambda d: d.replace(microsecond=0).isoformat() + "Z"),
    "date": st.dates().map(str),
    "email": st.emails(),
    "uuid": st.uuids().map(str),
    "uri": st.sampled_from(["https://example.com/a", "mailto:someone@example.com"]),
}


def payloads(schema: Any, root: dict, depth: int = 0) -> st.SearchStrategy:
    schema = _resolve(schema, root)
    if schema is True or not isinstance(schema, dict):
        return JSON_SCALARS
    if "allOf" in schema and isinstance(schema["allOf"], list):
        merged = dict(schema)
        for part in merged.pop("allOf"):
            part = _resolve(part, root)
            if isinstance(part, dict):
                merged = {**part, **merged, "properties": {**part.get("properties", {}),
                                                           **merged.get("properties", {})}}
        schema = merged
    if "const" in schema:
        return st.just(schema["const"])
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return st.sampled_from(schema["enum"])
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else list(kinds or ())
    if not kinds:
        kinds = ["object"] if "properties" in schema else ["array"] if "items" in schema else ["any"]
    return st.one_of([_of_type(kind, schema, root, depth) for kind in kinds])


def _of_type(kind: str, schema: dict, root: dict, depth: int) -> st.SearchStrategy:
    if kind == "string":
        return _string(schema)
    if kind == "integer":
        return st.integers(_bound(schema, "minimum", -10**6), _bound(schema, "maximum", 10**6))
    if kind == "number":
        low, high = _bound(schema, "minimum", -10**6), _bound(schema, "maximum", 10**6)
        return st.integers(int(low), int(high)) | st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        items = schema.get("items")
        element = payloads(items, root, depth + 1) if isinstance(items, dict) and depth < 6 else JSON_SCALARS
        return st.lists(element, min_size=schema.get("minItems", 0), max_size=max(schema.get("minItems", 0), 3))
    if kind == "object":
        return _object(schema, root, depth)
    return JSON_SCALARS


def _object(schema: dict, root: dict, depth: int) -> st.SearchStrategy:
    props = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
    if depth > 6:
        return st.just({})
    required = [k for k in schema.get("required") or () if isinstance(k, str)]
    return st.fixed_dictionaries(
        {k: payloads(props.get(k, True), root, depth + 1) for k in required},
        optional={k: payloads(v, root, depth + 1) for k, v in props.items() if k not in required})


def _string(schema: dict) -> st.SearchStrategy:
    if schema.get("format") in FORMATS:
        return FORMATS[schema["format"]]
    if isinstance(schema.get("pattern"), str):
        try:
            re.compile(schema["pattern"])
            return st.from_regex(schema["pattern"], fullmatch=True) | st.text(max_size=10)
        except re.error:
            pass
    low = schema.get("minLength", 0)
    return st.text(min_size=low, max_size=max(low, min(schema.get("maxLength", 20), 20)))


def _bound(schema: dict, key: str, default: float) -> float:
    value = schema.get(key)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def _resolve(schema: Any, root: dict, depth: int = 0) -> Any:
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#") \
            and depth < 16:
        node: Any = root
        for part in schema["$ref"][1:].split("/")[1:]:
            node = node.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(node, dict) else None
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        return _resolve({**node, **rest}, root, depth + 1) if isinstance(node, dict) else rest
    return schema
