"""Mixpanel: ``/track`` events and ``/engage`` and ``/groups`` profile updates, as form bodies or JSON.

The Python and JavaScript SDKs post a form body ``data=<JSON>`` (or base64 of
the JSON); the JSON is one object or an array of them. A tracked event
``{event, properties: {token, distinct_id, time, $insert_id, mp_lib, ...}}``:
``distinct_id`` is the ``userId`` (a ``$device:`` id the ``anonymousId``),
``$insert_id`` the ``messageId``, ``time`` (seconds or milliseconds) the
``timestamp``, ``mp_lib``/``$lib_version`` ``context.library``, ``ip``
``context.ip``; other names starting with ``$`` or ``mp_`` go to
``context.mixpanel``; ``token`` is a credential and stays out. The rest are
the event's properties. ``$create_alias`` becomes an alias call and
``$identify`` an identify call. A profile update ``{$token, $distinct_id,
$set, $set_once, ...}`` is an identify call whose traits are ``$set_once``
with ``$set`` over it (the other operations, ``$add``, ``$unset``..., go to
``context.mixpanel``); a group update ``{$group_key, $group_id, $set}`` is a
group call.
"""
from __future__ import annotations

from typing import Any, Iterator

from protocol_kit.events.wire.body import Form
from protocol_kit.events.wire.common import base64_json, compact, event, iso_time, json_text, split_own
from protocol_kit.events.wire.reading import Reading
from protocol_kit.events.wire.record import WireRecord

NAME = "mixpanel"
LABEL = "Mixpanel"
EXPECTED = "a Mixpanel data= form body (JSON or base64)"
OWN = ("$", "mp_")
CREDENTIALS = ("token", "$token")
PROFILE_KEYS = ("$distinct_id", "$group_id")
FORM_FIELDS = frozenset(("data", "ip", "verbose", "img", "callback", "_", "api_key", "strict", "test"))


def looks_like(document: Any) -> str | None:
    if _is_form(document):
        return "a Mixpanel form body"
    first = document[0] if isinstance(document, list) and document else document
    if not isinstance(first, dict):
        return None
    if _is_event(first):
        return "Mixpanel events"
    if any(key in first for key in PROFILE_KEYS) or "$token" in first:
        return "a Mixpanel profile update"
    return None


def _is_form(document: Any) -> bool:
    """A form body (or its fields as an object, as quarantine keeps them) with Mixpanel's ``data`` field."""
    return isinstance(document, dict) and isinstance(document.get("data"), str) and (
        isinstance(document, Form) or set(document) <= FORM_FIELDS)


def _is_event(item: dict) -> bool:
    properties = item.get("properties")
    return "event" in item and isinstance(properties, dict) and (
        "token" in properties or "mp_lib" in properties or "$insert_id" in properties)


def read(document: Any, reading: Reading) -> Iterator[WireRecord]:
    if _is_form(document):
        decoded, problem = form_data(document.get("data"))
        if problem:
            yield reading.error(problem, dict(document))
            return
        document = decoded
    items = document if isinstance(document, list) else [document]
    for index, item in enumerate(items):
        yield _read_one(item, reading, index if isinstance(document, list) else None)


def form_data(value: Any) -> tuple[Any, str | None]:
    """The JSON in a form's ``data`` field: JSON text, or base64 of it."""
    if not isinstance(value, str) or not value.strip():
        return None, "Mixpanel form body without a 'data' field"
    if value.lstrip()[:1] in ("{", "["):
        return json_text(value, "form field 'data'")
    decoded, problem = base64_json(value, "form field 'data'")
    if problem and problem.endswith("is not base64"):
        return None, f"{problem}: expected JSON, or base64 of JSON"
    return decoded, problem


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


def _context(own: dict[str, Any], ip: Any) -> dict[str, Any]:
    rest = {k: v for k, v in own.items() if k not in ("mp_lib", "$lib_version")}
    context = compact({"library": compact({"name": own.get("mp_lib"), "version": own.get("$lib_version")}),
                       "ip": ip if isinstance(ip, str) else None})
    if rest:
        context["mixpanel"] = rest
    return context
