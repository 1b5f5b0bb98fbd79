"""Amplitude: HTTP API v2 and Batch API bodies ``{"api_key": ..., "events": [...], "options": {...}}``.

Each event ``{event_type, user_id, device_id, event_properties,
user_properties, insert_id, time, library, ...}``: ``event_type`` is the
event name, ``event_properties`` its properties, ``user_id`` the ``userId``,
``device_id`` the ``anonymousId``, ``insert_id`` the ``messageId``, ``time``
(milliseconds) the ``timestamp``, ``library`` (``amplitude-python/1.3.0``)
``context.library``; ``ip``, ``app_version``, ``os_name``/``os_version``,
``device_model``/``device_manufacturer``/``device_brand``, the advertising ids
(``idfa``, ``adid``), ``idfv``/``android_id``, ``carrier``,
``country``/``region``/``city``/``location_lat``/``location_lng`` take their
places in ``context``; every other field goes to
``context.amplitude``. User properties (``$set``, ``$setOnce`` and plain
names; other operations go to ``context.amplitude``) are the traits of a
``$identify`` event and ``context.traits`` elsewhere. ``$groupidentify`` is a
group call: ``groups`` names the group, ``group_properties`` are its traits.
``api_key`` is a credential of the request and stays out of the events.
"""
from __future__ import annotations

from typing import Any, Iterator

from protocol_kit.events.wire.common import compact, event, iso_time, library
from protocol_kit.events.wire.reading import Reading
from protocol_kit.events.wire.record import WireRecord

NAME = "amplitude"
LABEL = "Amplitude"
EXPECTED = "an Amplitude {api_key, events: [{event_type, ...}]}"
SET_OPERATIONS = ("$set", "$setOnce")
IDS = ("event_type", "user_id", "device_id", "insert_id", "time", "library",
       "event_properties", "user_properties", "group_properties", "groups")
CONTEXT_PLACES = {"ip": ("ip",), "app_version": ("app", "version"), "os_name": ("os", "name"),
                  "os_version": ("os", "version"), "device_model": ("device", "model"),
                  "device_manufacturer": ("device", "manufacturer"), "device_brand": ("device", "brand"),
                  "idfa": ("device", "advertisingId"), "adid": ("device", "advertisingId"),
                  "idfv": ("device", "id"), "android_id": ("device", "id"), "carrier": ("network", "carrier"),
                  "country": ("location", "country"), "region": ("location", "region"),
                  "city": ("location", "city"), "location_lat": ("location", "latitude"),
                  "location_lng": ("location", "longitude")}


def looks_like(document: Any) -> str | None:
    if isinstance(document, dict):
        events = document.get("events")
        if isinstance(events, list) and ("api_key" in document or (events and _is_event(events[0]))):
            return "an Amplitude batch"
        if _is_event(document):
            return "an Amplitude event"
    return None


def _is_event(item: Any) -> bool:
    return isinstance(item, dict) and "event_type" in item


def read(document: Any, reading: Reading) -> Iterator[WireRecord]:
    if isinstance(document, dict) and isinstance(document.get("events"), list):
        for index, item in enumerate(document["events"]):
            yield _read_one(item, reading, index)
    else:
        yield _read_one(document, reading, None)


def _read_one(item: Any, reading: Reading, index: int | None) -> WireRecord:
    if not isinstance(item, dict):
        return reading.error(f"Amplitude event is not a JSON object (got {type(item).__name__})", item, index)
    name = item.get("event_type")
    if not isinstance(name, str) or not name:
        what = "without 'event_type'" if name is None else "whose 'event_type' is not a name"
        return reading.error(f"Amplitude event {what}", item, index)
    return reading.event(_event(name, item), item, index)


def _event(name: str, item: dict) -> dict[str, Any]:
    ids = {"userId": item.get("user_id"), "anonymousId": item.get("device_id"),
           "messageId": item.get("insert_id"), "timestamp": iso_time(item.get("time"), unit="ms")}
    extra: dict[str, Any] = {}
    user = _set_values(item.get("user_properties"), extra, "user_properties")
    if name == "$identify":
        return event("identify", **ids, traits=user, context=_context(item, extra))
    if name == "$groupidentify":
        groups = item.get("groups") if isinstance(item.get("groups"), dict) else {}
        group_id = next(iter(groups.values()), None)
        if isinstance(group_id, list):
            group_id = group_id[0] if group_id else None
        extra["groups"] = groups
        traits = _set_values(item.get("group_properties"), extra, "group_properties")
        return event("group", **ids, groupId=group_id, traits=traits, context=_context(item, extra))
    if isinstance(item.get("groups"), dict):
        extra["groups"] = item["groups"]
    properties = item.get("event_properties")
    return event("track", event=name, **ids, properties=properties if isinstance(properties, dict) else {},
                 context=_context(item, extra, traits=user))


def _set_values(properties: Any, extra: dict[str, Any], field: str) -> dict[str, Any]:
    """The values a user or group property update sets; the other operations are put in ``extra``."""
    if not isinstance(properties, dict):
        return {}
    values: dict[str, Any] = {}
    others: dict[str, Any] = {}
    for key, value in properties.items():
        if key in SET_OPERATIONS and isinstance(value, dict):
            values = {**value, **values} if key == "$setOnce" else {**values, **value}
        elif key.startswith("$"):
            others[key] = value
        else:
            values[key] = value
    if others:
        extra[field] = others
    return values


def _context(item: dict, extra: dict[str, Any], traits: dict[str, Any] | None = None) -> dict[str, Any]:
    context: dict[str, Any] = compact({"library": library(item.get("library")), "traits": traits or None})
    rest = dict(extra)
    for key, value in item.items():
        if key in IDS or value is None:
            continue
        place = CONTEXT_PLACES.get(key)
        if place is None:
            rest[key] = value
        elif len(place) == 1:
            context[place[0]] = value
        else:
            context.setdefault(place[0], {})[place[1]] = value
    if rest:
        context["amplitude"] = rest
    return context
