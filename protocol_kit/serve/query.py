"""The query API under ``/pk/``: summary, events, one event, reset, wait and digest (see docs/serve.md)."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from protocol_kit.events.jsonl import json_line
from protocol_kit.report import FORMATS, render
from protocol_kit.serve.collector import Collector

DEFAULT_WAIT_SECONDS = 10.0
MAX_WAIT_SECONDS = 300.0
DIGEST_TYPES = {"json": "application/json", "markdown": "text/markdown; charset=utf-8",
                "html": "text/html; charset=utf-8"}


class BadQuery(ValueError):
    pass


def json_response(value: Any, status: int = 200) -> Response:
    """``value`` as JSON; payloads nested deeper than orjson writes are written too (see :func:`json_line`)."""
    return Response(json_line(value), status_code=status, media_type="application/json")


def bad_request(message: str) -> Response:
    return json_response({"code": "invalid_query", "message": message}, 400)


def routes(collector: Collector) -> list[Route]:
    store = collector.store

    async def summary(request: Request) -> Response:
        return json_response(store.summary(request.query_params.get("test_id")))

    async def events(request: Request) -> Response:
        try:
            found = store.query(**event_filters(request.query_params))
        except BadQuery as error:
            return bad_request(str(error))
        return json_response({"count": len(found), "events": [item.to_dict() for item in found]})

    async def one_event(request: Request) -> Response:
        message_id = request.path_params["message_id"]
        item = store.by_message_id.get(message_id)
        if item is None:
            return json_response({"code": "not_found", "message": f"no event with message id {message_id!r} "
                                                                  "(never received, reset, or over the store's cap)"},
                                 404)
        return json_response(item.to_dict())

    async def reset(request: Request) -> Response:
        test_id = request.query_params.get("test_id")
        return json_response({"reset": store.reset(test_id), "test_id": test_id})

    async def wait(request: Request) -> Response:
        params = request.query_params
        try:
            count = whole(params.get("count", "1"), "count")
            timeout = min(seconds(params.get("timeout"), DEFAULT_WAIT_SECONDS), MAX_WAIT_SECONDS)
        except BadQuery as error:
            return bad_request(str(error))
        test_id = params.get("test_id")
        arrived = await store.wait(count, test_id=test_id, timeout=timeout)
        found = store.query(test_id=test_id)
        body = {"arrived": store.count(test_id), "expected": count, "test_id": test_id,
                "events": [item.to_dict() for item in found]}
        return json_response(body, 200 if arrived else 408)

    async def digest(request: Request) -> Response:
        name = request.query_params.get("format", "json")
        if name not in FORMATS or FORMATS[name].binary:
            text = ", ".join(n for n, f in FORMATS.items() if not f.binary)
            return bad_request(f"unknown digest format {name!r}; expected one of: {text}")
        data = collector.report_data(request.query_params.get("test_id"))
        return Response(render(name, data), media_type=DIGEST_TYPES.get(name, "text/plain; charset=utf-8"))

    return [Route("/pk/summary", summary), Route("/pk/events", events),
            Route("/pk/events/{message_id:path}", one_event),
            Route("/pk/reset", reset, methods=["POST"]), Route("/pk/wait", wait), Route("/pk/digest", digest)]


def event_filters(params) -> dict[str, Any]:
    valid = params.get("valid")
    if valid is not None and valid not in ("true", "false"):
        raise BadQuery(f"valid must be true or false, not {valid!r}")
    return {"event": params.get("event"), "valid": None if valid is None else valid == "true",
            "message_id": params.get("message_id"), "test_id": params.get("test_id"),
            "since": moment(params.get("since")), "limit": None if params.get("limit") is None
            else whole(params["limit"], "limit")}


def whole(text: str, name: str) -> int:
    if not text.isdigit():
        raise BadQuery(f"{name} must be a whole number, not {text!r}")
    return int(text)


def seconds(text: str | None, default: float) -> float:
    if text is None:
        return default
    try:
        value = float(text)
    except ValueError:
        raise BadQuery(f"timeout must be a number of seconds, not {text!r}") from None
    if not 0 <= value < float("inf"):
        raise BadQuery(f"timeout must be a number of seconds, not {text!r}")
    return value


def moment(text: str | None) -> datetime | None:
    """``since``: an ISO 8601 time (``received_at`` of an event); without a time zone, UTC."""
    if text is None:
        return None
    try:
        found = datetime.fromisoformat(text.replace(" ", "+"))  # a '+' in a query string arrives as a space
    except ValueError:
        raise BadQuery(f"since must be an ISO 8601 time such as 2026-01-31T12:00:00Z, not {text!r}") from None
    return found if found.tzinfo else found.replace(tzinfo=timezone.utc)
