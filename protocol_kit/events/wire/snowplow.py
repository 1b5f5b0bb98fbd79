"""Snowplow tracker protocol: POST ``payload_data`` bodies and GET query strings (``/i?e=pv&...``).

A POST body is ``{"schema": "iglu:com.snowplowanalytics.snowplow/payload_data/...",
"data": [...]}``, each item one event of string fields; a GET request carries
one event as its query string. Events by ``e``:

- ``ue`` (self-describing): the event in ``ue_pr`` (JSON) or ``ue_px``
  (base64), ``{schema: iglu:<vendor>/<name>/jsonschema/<version>, data}``,
  becomes a track call of the planned event whose name matches ``<name>``
  ignoring case and separators (``Order Completed`` for ``order_completed``;
  ``<name>`` itself when no planned event matches), ``data`` its properties;
- ``se`` (structured): a track call named ``se_ac`` (the action) with
  properties ``category``, ``label``, ``property``, ``value`` from ``se_ca``,
  ``se_la``, ``se_pr``, ``se_va`` (a number);
- ``pv`` (page view): a page call named ``page``, properties ``url`` and
  ``title`` from ``url`` and ``page`` (``refr`` is ``context.page.referrer``).

Contexts (``co`` as JSON, ``cx`` as base64) are entities ``{schema, data}``:
each becomes ``context.<name>`` (the schema's name in snake_case) holding its
data, so an entity ``iglu:com.acme/app/jsonschema/1-0-0`` is checked against
the plan's common ``context.app``. ``uid`` is the ``userId``, ``duid`` the
``anonymousId``, ``eid`` the ``messageId``, ``dtm`` (milliseconds) the
``timestamp``, ``tv`` ``context.library``, ``ip``/``ua``/``lang``/``tz``
``context.ip``/``userAgent``/``locale``/``timezone``, ``url``/``page``/``refr``
of other events ``context.page``; the other tracker fields go to
``context.snowplow``.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from protocol_kit.events.wire.common import base64_json, compact, event, iso_time, json_text
from protocol_kit.events.wire.reading import Reading
from protocol_kit.events.wire.record import WireRecord

NAME = "snowplow"
LABEL = "Snowplow"
EXPECTED = "a Snowplow payload_data body or e=... query string"
PAYLOAD_DATA = "/payload_data/"
EVENT_TYPES = {"ue": "self-describing", "se": "structured", "pv": "page view"}
TRACKER_MARKERS = ("tv", "p", "aid", "eid", "tna")
USED = frozenset(("e", "ue_pr", "ue_px", "co", "cx", "uid", "duid", "eid", "dtm", "tv", "ip", "ua", "lang", "tz",
                  "se_ca", "se_ac", "se_la", "se_pr", "se_va", "url", "page", "refr"))
_IGLU = re.compile(r"^iglu:(?P<vendor>[^/]+)/(?P<name>[^/]+)/(?P<format>[^/]+)/(?P<version>[^/]+)$")
_WORD_BREAK = re.compile(r"[^0-9A-Za-z]+|(?<=[a-z0-9])(?=[A-Z])")


def looks_like(document: Any) -> str | None:
    if isinstance(document, dict):
        schema = document.get("schema")
        if isinstance(schema, str) and PAYLOAD_DATA in schema and isinstance(document.get("data"), list):
            return "a Snowplow payload_data body"
        if isinstance(document.get("e"), str) and any(key in document for key in TRACKER_MARKERS):
            return "a Snowplow tracker event"
    return None


def read(document: Any, reading: Reading) -> Iterator[WireRecord]:
    if isinstance(document, dict) and isinstance(document.get("data"), list) and "schema" in document:
        for index, item in enumerate(document["data"]):
            yield _read_one(item, reading, index)
    else:
        yield _read_one(document, reading, None)


def schema_name(schema: Any) -> str | None:
    """``iglu:com.acme/order_completed/jsonschema/1-0-0`` -> ``order_completed``."""
    match = _IGLU.match(schema) if isinstance(schema, str) else None
    return match.group("name") if match else None


def snake_case(name: str) -> str:
    return "_".join(part.lower() for part in _WORD_BREAK.split(name) if part)


def _read_one(item: Any, reading: Reading, index: int | None) -> WireRecord:
    if not isinstance(item, dict):
        return reading.error(f"Snowplow event is not a JSON object (got {type(item).__name__})", item, index)
    kind = item.get("e")
    if kind not in EVENT_TYPES:
        known = ", ".join(f"{k} ({v})" for k, v in EVENT_TYPES.items())
        what = f"event type {kind!r} is not read" if kind is not None else "event without 'e' (its type)"
        return reading.error(f"Snowplow {what}; read: {known}", item, index)
    context, problem = _context(item)
    if problem:
        return reading.error(problem, item, index)
    ids = {"userId": item.get("uid"), "anonymousId": item.get("duid"), "messageId": item.get("eid"),
           "timestamp": iso_time(item.get("dtm"), unit="ms")}
    if kind == "pv":
        properties = compact({"url": item.get("url"), "title": item.get("page")})
        return reading.event(event("page", name=item.get("page"), **ids, properties=properties, context=context),
                             item, index)
    if kind == "se":
        return reading.event(event("track", event=item.get("se_ac"), **ids, properties=_structured(item),
                                   context=context), item, index)
    inner, problem = _self_describing(item)
    if problem:
        return reading.error(problem, item, index)
    name = schema_name(inner.get("schema"))
    if name is None:
        return reading.error(f"Snowplow self-describing event whose schema is not an Iglu URI: "
                             f"{inner.get('schema')!r}", item, index)
    data = inner.get("data")
    context.setdefault("snowplow", {})["event_schema"] = inner["schema"]
    return reading.event(event("track", event=reading.event_name(name), **ids,
                               properties=data if isinstance(data, dict) else {}, context=context), item, index)


def _structured(item: dict) -> dict[str, Any]:
    value = item.get("se_va")
    try:
        number = float(value) if isinstance(value, str) else value
        value = int(number) if isinstance(number, float) and number.is_integer() else number
    except ValueError:
        pass
    return compact({"category": item.get("se_ca"), "label": item.get("se_la"),
                    "property": item.get("se_pr"), "value": value})


def _self_describing(item: dict) -> tuple[dict, str | None]:
    if "ue_pr" in item:
        outer, problem = json_text(item["ue_pr"], "Snowplow 'ue_pr'")
    elif "ue_px" in item:
        outer, problem = base64_json(item["ue_px"], "Snowplow 'ue_px'")
    else:
        return {}, "Snowplow self-describing event without 'ue_pr' or 'ue_px'"
    if problem:
        return {}, problem
    inner = outer.get("data") if isinstance(outer, dict) else None
    if isinstance(inner, dict) and "schema" in inner:
        return inner, None
    if isinstance(outer, dict) and "schema" in outer and "data" in outer:
        return outer, None  # the event without the unstruct_event wrapper
    return {}, "Snowplow self-describing event should be {schema, data: {schema, data}}"


def _context(item: dict) -> tuple[dict[str, Any], str | None]:
    context: dict[str, Any] = compact({
        "library": {"name": "snowplow", "version": item["tv"]} if isinstance(item.get("tv"), str) else None,
        "ip": item.get("ip"), "userAgent": item.get("ua"), "locale": item.get("lang"), "timezone": item.get("tz")})
    viewed = item.get("e") == "pv"  # a page view's url and title are its properties
    page = compact({"url": None if viewed else item.get("url"), "title": None if viewed else item.get("page"),
                    "referrer": item.get("refr")})
    if page:
        context["page"] = page
    rest = {k: v for k, v in item.items() if k not in USED}
    if rest:
        context["snowplow"] = rest
    entities, problem = _entities(item)
    if problem:
        return {}, problem
    for entity in entities:
        name = schema_name(entity.get("schema"))
        if name is None:
            return {}, f"Snowplow context entity whose schema is not an Iglu URI: {entity.get('schema')!r}"
        context[snake_case(name)] = entity.get("data")
    return context, None


def _entities(item: dict) -> tuple[list[dict], str | None]:
    if "co" in item:
        contexts, problem = json_text(item["co"], "Snowplow contexts 'co'")
    elif "cx" in item:
        contexts, problem = base64_json(item["cx"], "Snowplow contexts 'cx'")
    else:
        return [], None
    if problem:
        return [], problem
    data = contexts.get("data") if isinstance(contexts, dict) else None
    if not isinstance(data, list) or not all(isinstance(entity, dict) for entity in data):
        return [], "Snowplow contexts should be {schema, data: [{schema, data}, ...]}"
    return data, None
