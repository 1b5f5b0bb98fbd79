"""Hypothesis strategies: events from compiled schemas, valid and mutated."""
from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

FORMAT_SAMPLES = {
    "date-time": ["2024-06-10T12:00:00Z", "2024-06-10T12:00:00.5+02:00", "2024-06-10t12:00:00z",
                  "2024-12-31T23:59:60Z", "2024-06-10 12:00:00Z", "2024-06-10T12:00:00", "2024-02-30T10:00:00Z",
                  "2024-06-10T25:00:00Z", "10/06/2024"],
    "date": ["2024-06-10", "2024-02-29", "2023-02-29", "2024-6-10", "20240610"],
    "email": ["ada@example.com", "a@b", "@example.com", "ada@", "a b@c.com", "a..b@c.com", "\"a b\"@c.com",
              "ada@[127.0.0.1]", "ada@@example.com"],
    "uri": ["https://example.com/a?b=c", "mailto:ada@example.com", "urn:isbn:0451450523", "example.com", "/path",
            "http://a b.com", "https://example.com/ä", "http://[::1]:80/"],
    "uuid": ["550e8400-e29b-41d4-a716-446655440000", "550E8400-E29B-41D4-A716-446655440000",
             "550e8400e29b41d4a716446655440000", "{550e8400-e29b-41d4-a716-446655440000}",
             "550e8400-e29b-41d4-a716-44665544000g"],
}
JSON_SCALARS = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(-1e6, 1e6, allow_nan=False) \
    | st.text(max_size=12)
ANY_JSON = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(string.ascii_lowercase, max_size=6), inner, max_size=3),
                        max_leaves=6)


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy:
    """Mostly valid instances of the subset of JSON Schema the compiler writes, with near-misses."""
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"]) | st.sampled_from([str(v).lower() for v in schema["enum"]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of(*(from_schema({**schema, "type": k}) for k in kind))
    if kind == "null":
        return st.none()
    if kind == "string":
        if "format" in schema:
            return st.sampled_from(FORMAT_SAMPLES.get(schema["format"], ["x"])) | st.text(max_size=8)
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True) | st.text(max_size=6)
        return st.text(min_size=max(schema.get("minLength", 0) - 1, 0),
                       max_size=min(schema.get("maxLength", 12) + 1, 40))
    if kind in ("integer", "number"):
        low = schema.get("minimum", -100)
        high = schema.get("maximum", low + 1000)
        ints = st.integers(int(low) - 1, int(high) + 1)
        return ints if kind == "integer" else ints | st.floats(low - 1, high + 1, allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), max_size=3)
    if kind == "object" or "properties" in schema:
        return _object(schema)
    return ANY_JSON


def _object(schema: dict[str, Any]) -> st.SearchStrategy:
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    fields = {name: from_schema(sub) for name, sub in properties.items()}
    optional = {name: strategy for name, strategy in fields.items() if name not in required}
    base = st.fixed_dictionaries({name: fields[name] for name in required if name in fields}, optional=optional)
    return st.tuples(base, st.dictionaries(st.sampled_from(["extra", "debug", "Total"]), JSON_SCALARS, max_size=1),
                     st.lists(st.sampled_from(sorted(required) or ["-"]), max_size=1)).map(_tweak)


def _tweak(parts: tuple[dict, dict, list]) -> dict:
    instance, extra, drop = parts
    instance = {**instance, **extra}
    for name in drop:
        instance.pop(name, None)
    return instance


def mutated(schema: dict[str, Any]) -> st.SearchStrategy:
    """Instances of ``schema`` with one value somewhere replaced by arbitrary JSON."""
    return st.tuples(from_schema(schema), ANY_JSON, st.randoms(use_true_random=False)).map(_replace_one)


def _replace_one(parts: tuple[Any, Any, Any]) -> Any:
    instance, value, rng = parts
    containers = []

    def walk(node: Any) -> None:
        if isinstance(node, dict) and node:
            containers.append(node)
            for child in node.values():
                walk(child)
        elif isinstance(node, list) and node:
            containers.append(node)
            for child in node:
                walk(child)

    walk(instance)
    if containers:
        target = rng.choice(containers)
        key = rng.choice(list(target)) if isinstance(target, dict) else rng.randrange(len(target))
        target[key] = value
    return instance
