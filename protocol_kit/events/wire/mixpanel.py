"""Mixpanel: ``/track`` events and ``/engage`` and ``/groups`` profile updates, as form bodies or JSON.

The Python and JavaScript SDKs post a form body ``data=<JSON>`` (or base64 of
the JSON, see :func:`.body.form_data`); the JSON is one object or an array of
them. A tracked event ``{event, properties: {token, distinct_id, time,
$insert_id, mp_lib, ...}}``: ``distinct_id`` is the ``userId`` (a ``$device:``
id the ``anonymousId``), ``$insert_id`` the ``messageId``, ``time`` (seconds
or milliseconds) the ``timestamp``, ``mp_lib``/``$lib_version``
``context.library``, ``ip`` ``context.ip``, ``$device_id``
``context.device.id``, ``$os``/``$os_version`` ``context.os``,
``$city``/``$region``/``mp_country_code`` ``context.location``; other names
starting with ``$`` or ``mp_`` go to ``context.mixpanel``; ``token`` is a
credential and stays out. The rest are the event's properties.
``$create_alias`` becomes an alias call and ``$identify`` an identify call. A
profile update ``{$token, $distinct_id, $set, $set_once, ...}`` is an identify
call whose traits are ``$set_once`` with ``$set`` over it (the other
operations, ``$add``, ``$unset``..., go to ``context.mixpanel``); a group
update ``{$group_key, $group_id, $set}`` is a group call.
"""
from __future__ import annotations

from typing import Any, Iterator

from protocol_kit.events.wire.common import compact, event, iso_time, split_own
from protocol_kit.events.wire.reading import Reading
from protocol_kit.events.wire.record import WireRecord

NAME = "mixpanel"
LABEL = "Mixpanel"
EXPECTED = "a Mixpanel data= form body (JSON or base64)"
OWN = ("$", "mp_")
CREDENTIALS = ("token", "$token")
PROFILE_KEYS = ("$distinct_id", "$group_id")


def looks_like(document: Any) -> str | None:
    first = document[0] if isinstance(document, list) and document else document
    if not isinstance(first, dict):
        return None
    if _is_event(first):
        return "Mixpanel events"
    if any(key in first for key in PROFILE_KEYS) or "$token" in first:
        return "a Mixpanel profile update"
    return None


def _is_event(item: dict) -> bool:
    properties = item.get("properties")
    return "event" in item and isinstance(properties, dict) and (
        "token" in properties or "mp_lib" in properties or "$insert_id" in properties)


def read(document: Any, reading: Reading) -> Iterator[WireRecord]:
    items = document if isinstance(document, list) else [document]
    for index, item in enumerate(items):
        yield _read_one(item, reading, index if isinstance(document, list) else None)


def _read_one(item: Any, reading: Reading, index: int | None) -> WireRecord:
    if not isinstance(item, dict):
        return reading.error(f"Mixpanel record is not a JSON object (got {type(item).__name__})", item, index)
    if "event" in item:
        name = item["event"]
        if not isinstance(name, str) or not name:
            return reading.error("Mixpanel event without an 'event' name", item, index)
        properties = item.get("properties") if isinstance(item.get("properties"), dict) else {}
        return reading.event(_tracked(name, properties), item, index)
    if any(key in item for key in PROFILE_KEYS):
        return reading.event(_profile(item), item, index)
    return reading.error("Mixpanel record with neither 'event' nor '$distinct_id' / '$group_id'", item, index)


def _tracked(name: str, properties: dict) -> dict[str, Any]:
    mine, own = split_own(properties, OWN)
    for key in ("token", "distinct_id", "time", "ip"):
        mine.pop(key, None)
    ids = _ids(properties.get("distinct_id"))
    common = {"messageId": own.pop("$insert_id", None), "timestamp": iso_time(properties.get("time"))}
    if name == "$create_alias":
        return event("alias", userId=mine.pop("alias", None), previousId=properties.get("distinct_id"),
                     **common, context=_context(own, properties.get("ip")))
    if name == "$identify":
        return event("identify", userId=own.pop("$identified_id", None), anonymousId=own.pop("$anon_id", None),
                     **common, traits=mine, context=_context(own, properties.get("ip")))
    return event("track", event=name, **ids, **common, properties=mine, context=_context(own, properties.get("ip")))


def _profile(item: dict) -> dict[str, Any]:
    own = {k: v for k, v in item.items() if k not in CREDENTIALS}
    traits = {**_object(own.pop("$set_once", None)), **_object(own.pop("$set", None))}
    common = {"timestamp": iso_time(own.pop("$time", None))}
    ip = own.pop("$ip", None)
    if "$group_id" in own:
        return event("group", groupId=own.pop("$group_id"), **common, traits=traits, context=_context(own, ip))
    return event("identify", **_ids(own.pop("$distinct_id", None)), **common, traits=traits,
                 context=_context(own, ip))


def _ids(distinct_id: Any) -> dict[str, Any]:
    if isinstance(distinct_id, str) and distinct_id.startswith("$device:"):
        return {"anonymousId": distinct_id.removeprefix("$device:")}
    return {"userId": distinct_id}


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


# Mixpanel's own properties that have a place in Segment's context: name -> (object, field)
CONTEXT_PLACES = {"mp_lib": ("library", "name"), "$lib_version": ("library", "version"),
                  "$device_id": ("device", "id"), "$os": ("os", "name"), "$os_version": ("os", "version"),
                  "$city": ("location", "city"), "$region": ("location", "region"),
                  "mp_country_code": ("location", "country")}


def _context(own: dict[str, Any], ip: Any) -> dict[str, Any]:
    context: dict[str, Any] = compact({"ip": ip if isinstance(ip, str) else None})
    rest = {}
    for key, value in own.items():
        place = CONTEXT_PLACES.get(key)
        if place is None:
            rest[key] = value
        else:
            context.setdefault(place[0], {})[place[1]] = value
    if rest:
        context["mixpanel"] = rest
    return context
