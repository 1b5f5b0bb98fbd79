"""PostHog: ``{"api_key": ..., "batch": [...]}`` bodies (``/batch/``), single capture events (``/capture/``, ``/e/``).

The JavaScript SDK's bodies are read too: an array of events, gzip-compressed
or as a ``data=`` form body (base64), with ``distinct_id`` and ``token`` in
the properties; and the Node.js SDK's, whose events name their ``library``
and ``library_version`` beside ``type: "capture"``.

Each event ``{event, distinct_id, properties, uuid, timestamp, $set}``:
``distinct_id`` is the ``userId``, ``uuid`` the ``messageId``. Properties
whose name starts with ``$`` are PostHog's own: ``$lib``/``$lib_version``
become ``context.library``, ``$os``/``$os_version`` ``context.os``, ``$ip``
``context.ip``, ``$device_id`` ``context.device.id``, ``$raw_user_agent``
``context.userAgent``, ``$current_url``/``$pathname``/``$referrer``/``$title``
``context.page`` (``url``, ``path``, ``referrer``, ``title``), the rest
``context.posthog``; the others are the event's properties. ``$set`` and
``$set_once`` (on the event or in its properties) are the person's traits: the
identify call's traits for ``$identify`` and ``$set`` events,
``context.traits`` on any other. PostHog's special events become Segment
calls: ``$identify`` and ``$set`` identify, ``$pageview`` page (its ``url``
and ``title`` are the page call's properties), ``$screen`` screen,
``$groupidentify`` group, ``$create_alias`` alias. ``api_key`` is a credential
of the request and stays out of the event.
"""
from __future__ import annotations

from typing import Any, Iterator

from protocol_kit.events.wire.common import compact, event, split_own
from protocol_kit.events.wire.reading import Reading
from protocol_kit.events.wire.record import WireRecord

NAME = "posthog"
LABEL = "PostHog"
EXPECTED = "a PostHog {api_key, batch: [{event, distinct_id, ...}]}"
PAGE_FIELDS = {"$current_url": "url", "$pathname": "path", "$referrer": "referrer", "$title": "title"}
PAGEVIEW_PROPERTIES = ("url", "title")  # what a $pageview is about; the rest of the page goes to context.page


def looks_like(document: Any) -> str | None:
    if isinstance(document, list):
        return "PostHog events" if document and _is_event(document[0]) else None
    if not isinstance(document, dict):
        return None
    batch = document.get("batch")
    if isinstance(batch, list):
        if "api_key" in document or (batch and _is_event(batch[0])):
            return "a PostHog batch"
        return None
    if _is_event(document) or ("api_key" in document and "event" in document):
        return "a PostHog event"
    return None


def _is_event(item: Any) -> bool:
    """An event with PostHog's ``distinct_id``, or with ``$lib`` among its properties and no Mixpanel ``mp_lib``."""
    if not isinstance(item, dict) or "event" not in item:
        return False
    properties = item.get("properties")
    own_library = isinstance(properties, dict) and "$lib" in properties and "mp_lib" not in properties
    return "distinct_id" in item or own_library


def read(document: Any, reading: Reading) -> Iterator[WireRecord]:
    items = document.get("batch") if isinstance(document, dict) else document
    if isinstance(items, list):
        for index, item in enumerate(items):
            yield _read_one(item, reading, index)
    else:
        yield _read_one(document, reading, None)


def _read_one(item: Any, reading: Reading, index: int | None) -> WireRecord:
    if not isinstance(item, dict):
        return reading.error(f"PostHog event is not a JSON object (got {type(item).__name__})", item, index)
    name = item.get("event")
    if not isinstance(name, str) or not name:
        return reading.error("PostHog event without an 'event' name", item, index)
    properties = item.get("properties") if isinstance(item.get("properties"), dict) else {}
    if "$lib" not in properties and isinstance(item.get("library"), str):  # posthog-node names it on the event
        properties = {**properties, "$lib": item["library"], "$lib_version": item.get("library_version")}
    return reading.event(_event(name, item, properties), item, index)


def _event(name: str, item: dict, properties: dict) -> dict[str, Any]:
    mine, own = split_own(properties, ("$",))
    mine.pop("distinct_id", None)
    mine.pop("token", None)
    person = {**_person(own.pop("$set_once", None), item.get("$set_once")),
              **_person(own.pop("$set", None), item.get("$set"))}
    distinct_id = item.get("distinct_id", properties.get("distinct_id"))
    ids = {"userId": distinct_id, "messageId": item.get("uuid"), "timestamp": item.get("timestamp")}
    if name in ("$identify", "$set"):
        anonymous = own.pop("$anon_distinct_id", None)
        return event("identify", **ids, anonymousId=anonymous, traits=person, context=_context(own))
    if name == "$groupidentify":
        traits = own.pop("$group_set", None)
        return event("group", **ids, groupId=own.pop("$group_key", None),
                     traits=traits if isinstance(traits, dict) else {}, context=_context(own))
    if name == "$create_alias":
        alias = mine.pop("alias", None)
        previous = properties.get("distinct_id", distinct_id)
        return event("alias", **{**ids, "userId": alias}, previousId=previous, context=_context(own))
    page = {field: own.pop(key) for key, field in PAGE_FIELDS.items() if key in own}
    if name == "$pageview":
        viewed = {field: page.pop(field) for field in PAGEVIEW_PROPERTIES if field in page}
        return event("page", **ids, name=mine.pop("name", None), properties={**viewed, **mine},
                     context=_context(own, traits=person, page=page))
    if name == "$screen":
        return event("screen", **ids, name=own.pop("$screen_name", None), properties=mine,
                     context=_context(own, traits=person, page=page))
    return event("track", event=name, **ids, properties=mine, context=_context(own, traits=person, page=page))


def _person(*sources: Any) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for source in sources:
        if isinstance(source, dict):
            merged.update(source)
    return merged


def _context(own: dict[str, Any], traits: dict[str, Any] | None = None,
             page: dict[str, Any] | None = None) -> dict[str, Any]:
    rest = dict(own)
    context = compact({
        "page": page or None,
        "library": compact({"name": rest.pop("$lib", None), "version": rest.pop("$lib_version", None)}),
        "os": compact({"name": rest.pop("$os", None), "version": rest.pop("$os_version", None)}),
        "device": compact({"id": rest.pop("$device_id", None)}),
        "ip": rest.pop("$ip", None),
        "userAgent": rest.pop("$raw_user_agent", None),
        "traits": traits or None,
    })
    if rest:
        context["posthog"] = rest
    return context
