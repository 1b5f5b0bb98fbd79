"""The live page at ``/``: the running digest and the latest events, refreshed by the page itself.

The page is self-contained (its script and style are served by the
collector, nothing else is loaded) under a strict Content-Security-Policy.
It reads ``/pk/live``, which never holds a payload value: the latest events
show their name, type, ids and violations, and the user id masked.
"""
from __future__ import annotations

from importlib import resources

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from protocol_kit.pii.mask import mask_value
from protocol_kit.serve.collector import Collector
from protocol_kit.serve.query import json_response
from protocol_kit.serve.received import Received, iso_time

LATEST = 50
DIGEST_ROWS = 100
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
ASSETS = {"/": ("live.html", "text/html; charset=utf-8"), "/pk/live.js": ("live.js", "text/javascript"),
          "/pk/live.css": ("live.css", "text/css")}


def asset(name: str) -> bytes:
    return resources.files("protocol_kit.serve").joinpath("live", name).read_bytes()


def routes(collector: Collector) -> list[Route]:
    def serve_asset(name: str, media_type: str):
        content = asset(name)

        async def endpoint(request: Request) -> Response:
            return Response(content, media_type=media_type, headers={
                "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})
        return endpoint

    async def state(request: Request) -> Response:
        return json_response(live_state(collector))

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    return [*(Route(path, serve_asset(*found)) for path, found in ASSETS.items()), Route("/pk/live", state),
            Route("/favicon.ico", no_icon)]


def live_state(collector: Collector) -> dict:
    """What the page shows: counts, the digest's rows and the latest events, with no payload value."""
    data = collector.report_data()
    latest = collector.store.query(limit=LATEST)[::-1]
    return {"plan": collector.checker.plan.name, "summary": collector.store.summary(),
            "digest": [row.to_dict() for row in data.digest[:DIGEST_ROWS]],
            "latest": [shown(item) for item in latest]}


def shown(item: Received) -> dict:
    payload = item.checked.record.payload if item.checked.record.parsed else None
    user = None
    if isinstance(payload, dict):
        user = payload.get("userId") or payload.get("anonymousId")
    return {"message_id": item.message_id, "received_at": iso_time(item.request.received_at),
            "event": item.event_name, "format": item.checked.format, "test_id": item.test_id,
            "valid": item.checked.valid, "user": None if user is None else mask_value(user),
            "violations": [{"code": v.code, "path": v.path, "message": v.message} for v in item.violations]}
