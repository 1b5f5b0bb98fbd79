"""A realistic generated tracking plan and event corpus, for the benchmark and the differential test.

32 track events (with nested product arrays), identify traits and a common
context, and Segment-style events carrying a full ``context`` (library, page,
device, user agent). About 5% of the events are invalid in one of the ways
producers get events wrong.
"""
from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any, Iterator

import orjson
import yaml

OBJECTS = ("Product", "Cart", "Order", "Checkout", "Coupon", "Video", "Article", "Account",
           "Subscription", "Search", "Review", "Wishlist", "Promotion", "Notification", "Store", "Gift Card")
ACTIONS = ("Viewed", "Updated")
CURRENCIES = ["USD", "EUR", "GBP"]
PRODUCT_ITEM = {"type": "object", "properties": {
    "product_id": {"type": "string", "required": True},
    "sku": {"type": "string", "pattern": "^[A-Z0-9-]{4,32}$"},
    "price": {"type": "number", "minimum": 0},
    "quantity": {"type": "integer", "minimum": 1, "required": True}}}
FIELD_KINDS = (
    ("id", {"type": "string", "required": True, "max_length": 64}),
    ("count", {"type": "integer", "minimum": 0}),
    ("value", {"type": "number", "minimum": 0, "required": True}),
    ("currency", {"type": "string", "enum": CURRENCIES, "required": True}),
    ("label", {"type": "string", "max_length": 200}),
    ("enabled", {"type": "boolean"}),
    ("at", {"type": "datetime"}),
    ("ref", {"type": "uuid"}),
    ("products", {"type": "array", "items": PRODUCT_ITEM}),
)


def event_names() -> list[str]:
    return [f"{obj} {action}" for obj in OBJECTS for action in ACTIONS]


def plan_document(seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    events = {}
    for name in event_names():
        prefix = name.split()[0].lower()
        kinds = [FIELD_KINDS[0], FIELD_KINDS[2], *rng.sample(FIELD_KINDS[3:], 4), FIELD_KINDS[1]]
        properties = {f"{prefix}_{field}" if field in ("id", "count", "value") else field: dict(spec)
                      for field, spec in kinds}
        events[name] = {"description": f"A customer's {name.lower()}.", "properties": properties}
    return {
        "plan": "bench",
        "version": "1.0.0",
        "defaults": {"additional_properties": False},
        "common": {"context": {"locale": {"type": "string", "pattern": "^[a-z]{2}(-[A-Z]{2})?$"},
                               "app": {"type": "object", "properties": {"name": {"type": "string"},
                                                                         "version": {"type": "string"}}}}},
        "identify": {"traits": {"email": {"type": "email", "required": True, "pii": "email"},
                                "plan": {"type": "string", "enum": ["free", "plus", "premium"]},
                                "created_at": {"type": "datetime"}}},
        "events": events,
    }


def write_plan(folder: Path, seed: int = 1) -> Path:
    path = folder / "bench.yaml"
    path.write_text(yaml.safe_dump(plan_document(seed), sort_keys=False), "utf-8")
    return path


def _value(spec: dict[str, Any], rng: random.Random) -> Any:
    kind = spec["type"]
    if "enum" in spec:
        return rng.choice(spec["enum"])
    if kind == "string":
        return f"SKU-{rng.randint(1000, 99999)}" if "pattern" in spec else f"v{rng.randint(0, 10**9):x}"
    if kind == "integer":
        return rng.randint(spec.get("minimum", 0), 50)
    if kind == "number":
        return round(rng.uniform(spec.get("minimum", 0), 500), 2)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "datetime":
        return f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T1{rng.randint(0, 9)}:2{rng.randint(0, 9)}:00.{rng.randint(100, 999)}Z"
    if kind == "uuid":
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if kind == "email":
        return f"user{rng.randint(1, 10**6)}@example.com"
    if kind == "array":
        return [_object(spec["items"]["properties"], rng) for _ in range(rng.randint(1, 4))]
    raise ValueError(kind)


def _object(properties: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    return {name: _value(spec, rng) for name, spec in properties.items()
            if spec.get("required") or rng.random() < 0.8}


def _context(rng: random.Random) -> dict[str, Any]:
    return {
        "app": {"name": "shop-ios", "version": f"4.{rng.randint(0, 20)}.0", "build": str(rng.randint(100, 999))},
        "locale": rng.choice(["en-US", "fr-FR", "de-DE", "en"]),
        "library": {"name": "analytics-ios", "version": "4.1.5"},
        "device": {"id": f"dev-{rng.randint(1, 10**6)}", "manufacturer": "Apple", "model": "iPhone15,2"},
        "os": {"name": "iOS", "version": "17.4"},
        "screen": {"width": 390, "height": 844, "density": 3},
        "network": {"wifi": rng.random() < 0.5, "carrier": "Vodafone"},
        "timezone": "Europe/Paris",
        "ip": f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}",
        "userAgent": "Shop/4.12 (iPhone; iOS 17.4; Scale/3.00)",
    }


def _envelope(rng: random.Random, index: int) -> dict[str, Any]:
    return {"messageId": f"msg-{index:08d}", "userId": f"user-{rng.randint(1, 50000)}",
            "anonymousId": f"anon-{rng.randint(1, 10**6)}", "timestamp": "2024-06-10T12:00:00.000Z",
            "sentAt": "2024-06-10T12:00:01.000Z", "context": _context(rng), "integrations": {}}


def valid_event(plan: dict[str, Any], rng: random.Random, index: int) -> dict[str, Any]:
    if rng.random() < 0.05:
        return {"type": "identify", **_envelope(rng, index), "traits": _object(plan["identify"]["traits"], rng)}
    name = rng.choice(list(plan["events"]))
    return {"type": "track", "event": name, **_envelope(rng, index),
            "properties": _object(plan["events"][name]["properties"], rng)}


def mutate(event: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One realistic producer mistake."""
    field = "properties" if event["type"] == "track" else "traits"
    payload = event[field]
    how = rng.choice(("type", "missing", "unplanned", "enum", "event", "nested", "format"))
    if how == "event" and event["type"] == "track":
        event["event"] = event["event"].replace(" ", "_").lower()
    elif how == "missing":
        required = next((k for k in ("email",) if k in payload), None) or next(iter(payload))
        payload.pop(required)
    elif how == "unplanned":
        payload["debug_flag"] = True
    elif how == "enum" and "currency" in payload:
        payload["currency"] = "usd"
    elif how == "nested" and payload.get("products"):
        payload["products"][0]["quantity"] = 0
    elif how == "format":
        event["context"]["locale"] = "EN_us"
    else:
        key = next(k for k, v in payload.items() if not isinstance(v, str)) if any(
            not isinstance(v, str) for v in payload.values()) else next(iter(payload))
        payload[key] = str(payload[key]) if not isinstance(payload[key], str) else 12
    return event


def events(plan: dict[str, Any], count: int, *, seed: int = 2, invalid: float = 0.05) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for index in range(count):
        event = valid_event(plan, rng, index)
        yield mutate(event, rng) if rng.random() < invalid else event


def write_corpus(path: Path, plan: dict[str, Any], count: int, *, seed: int = 2) -> Path:
    with open(path, "wb") as out:
        for event in events(plan, count, seed=seed):
            out.write(orjson.dumps(event) + b"\n")
    return path
