"""A rich-context event stream: what browser and mobile SDKs send on every call.

Every event carries a page (url with campaign parameters, referrer, path,
title), a user agent, campaign, screen, locale, timezone, library, app, os,
device (id, advertising id), network, ip and location (city, country,
coordinates), as Segment's and RudderStack's clients fill them in; track
events carry the bench plan's properties with nested product arrays. About 5%
are invalid (bench/corpus.py's producer mistakes) and about 0.5% carry personal
data the plan does not declare (an email in a label, a phone in a page url).

    python bench/pii_stream.py OUT.jsonl [--events 100000]
"""
from __future__ import annotations

import argparse
import random
import sys
import uuid
from pathlib import Path
from typing import Any, Iterator

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import _object, mutate, plan_document  # noqa: E402

USER_AGENTS = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
)
PLACES = (("Paris", "France", 48.8566, 2.3522, "Europe/Paris", "fr-FR"),
          ("Berlin", "Germany", 52.52, 13.405, "Europe/Berlin", "de-DE"),
          ("Madrid", "Spain", 40.4168, -3.7038, "Europe/Madrid", "es-ES"),
          ("São Paulo", "Brazil", -23.5505, -46.6333, "America/Sao_Paulo", "pt-BR"),
          ("Austin", "United States", 30.2672, -97.7431, "America/Chicago", "en-US"))
CAMPAIGNS = (("spring_sale", "newsletter", "email"), ("brand", "google", "cpc"), ("retarget", "facebook", "paid_social"))
SECTIONS = ("products", "collections", "blog", "cart", "account/orders", "search")
LIBRARIES = (("analytics.js", "5.2.0"), ("analytics-ios", "4.1.8"), ("rudder-sdk-js", "3.0.3"), ("analytics-kotlin", "1.14.2"))


def _context(rng: random.Random, event_name: str) -> dict[str, Any]:
    city, country, lat, lng, timezone, locale = rng.choice(PLACES)
    name, source, medium = rng.choice(CAMPAIGNS)
    section = rng.choice(SECTIONS)
    path = f"/{section}/{rng.choice(('blue-socks', 'linen-shirt', 'summer-dress', 'wool-hat'))}-{rng.randint(1, 500)}"
    query = f"?utm_source={source}&utm_medium={medium}&utm_campaign={name}"
    if rng.random() < 0.002:
        query += "&phone=%2B33612345678"  # personal data in a url: found and reported
    library, version = rng.choice(LIBRARIES)
    return {
        "app": {"name": "Shop", "version": f"4.{rng.randint(0, 20)}.1", "build": str(rng.randint(100, 999)),
                "namespace": "com.example.shop"},
        "campaign": {"name": name, "source": source, "medium": medium, "term": "socks", "content": "hero"},
        "device": {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                   "advertisingId": str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(),
                   "adTrackingEnabled": True, "manufacturer": "Apple", "model": "iPhone15,2", "type": "ios"},
        "ip": f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        "library": {"name": library, "version": version},
        "locale": locale.split("-")[0] if rng.random() < 0.2 else locale,
        "location": {"city": city, "country": country, "latitude": lat, "longitude": lng, "speed": 0},
        "network": {"bluetooth": False, "carrier": "Orange", "cellular": True, "wifi": rng.random() < 0.5},
        "os": {"name": "iOS", "version": "17.4.1"},
        "page": {"path": path, "referrer": f"https://www.google.com/search?q={section}", "search": query,
                 "title": f"{event_name} | Shop", "url": f"https://shop.example.com{path}{query}"},
        "screen": {"width": 1440, "height": 900, "density": 2, "innerWidth": 1440, "innerHeight": 789},
        "timezone": timezone,
        "userAgent": rng.choice(USER_AGENTS),
    }


def rich_events(plan: dict[str, Any], count: int, *, seed: int = 3, invalid: float = 0.05) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    names = list(plan["events"])
    for index in range(count):
        envelope = {"messageId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "anonymousId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "userId": f"user-{rng.randint(1, 50000)}", "timestamp": "2024-06-10T12:00:00.000Z",
                    "sentAt": "2024-06-10T12:00:01.000Z", "integrations": {}}
        if rng.random() < 0.05:
            event = {"type": "identify", **envelope, "traits": _object(plan["identify"]["traits"], rng)}
        else:
            name = rng.choice(names)
            event = {"type": "track", "event": name, **envelope, "properties": _object(plan["events"][name]["properties"], rng)}
            if "label" in event["properties"] and rng.random() < 0.01:
                event["properties"]["label"] = f"gift for {rng.choice(('ana', 'luc', 'mia'))}.{rng.randint(1, 99)}@gmail.com"
        event["context"] = _context(rng, event.get("event", "Account"))
        yield mutate(event, rng) if rng.random() < invalid else event


def write_rich_corpus(path: Path, plan: dict[str, Any], count: int, *, seed: int = 3) -> Path:
    with open(path, "wb") as out:
        for event in rich_events(plan, count, seed=seed):
            out.write(orjson.dumps(event) + b"\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    write_rich_corpus(args.out, plan_document(), args.events)


if __name__ == "__main__":
    main()
