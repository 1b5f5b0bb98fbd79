"""The collector as an ASGI app (Starlette): the ingest routes, the query API under ``/pk/`` and the live page."""
from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route as StarletteRoute

from protocol_kit.serve import live, query
from protocol_kit.serve.collector import (EVENTS_HEADER, INVALID_HEADER, MESSAGE_IDS_HEADER, VIOLATIONS_HEADER,
                                          Collector, Refused, Reply)
from protocol_kit.serve.routes import ROUTES, Route

DRAIN_BYTES = 64 * 1024 * 1024  # of a refused body, read and discarded before answering
EXPOSED = ", ".join((EVENTS_HEADER, MESSAGE_IDS_HEADER, VIOLATIONS_HEADER, INVALID_HEADER))


def create_app(collector: Collector) -> Starlette:
    """The ASGI app serving ``collector``: every SDK route, ``/pk/*`` and ``/``."""
    routes = [StarletteRoute(route.path, ingest_endpoint(collector, route), methods=[*route.methods, "OPTIONS"])
              for route in ROUTES]
    app = Starlette(routes=[*routes, *query.routes(collector), *live.routes(collector)])
    app.router.redirect_slashes = False  # /batch (Amplitude) and /batch/ (PostHog) are different services
    app.state.collector = collector
    return app


def ingest_endpoint(collector: Collector, route: Route):
    limit = collector.settings.limits.max_batch_bytes

    async def endpoint(request: Request) -> Response:
        if request.method == "OPTIONS":
            return cors(request, preflight(request, route))
        try:
            body = request.url.query.encode("utf-8") if request.method == "GET" else await read_bounded(request, limit)
        except Refused as refused:
            collector.store.reject(refused.code)
            return cors(request, response(refused.reply))
        return cors(request, response(collector.ingest(route, request.headers, body)))
    endpoint.__name__ = f"ingest_{route.vendor}"
    return endpoint


async def read_bounded(request: Request, limit: int) -> bytes:
    """The request body, refused once over ``limit`` bytes, never held whole in memory.

    The rest of a refused body is read and discarded (up to :data:`DRAIN_BYTES`)
    so that the client, still sending, gets the 400 rather than a broken connection.
    """
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= limit:
            parts.append(chunk)
        elif size > DRAIN_BYTES:
            break
    if size > limit:
        declared = request.headers.get("content-length", "")
        size = int(declared) if declared.isdigit() else size
        raise Refused(400, "body_too_large", f"the body is {size:,} bytes; the limit is {limit:,} "
                                             "(--max-batch-bytes)")
    return b"".join(parts)


def preflight(request: Request, route: Route) -> Response:
    headers = {"Access-Control-Allow-Methods": ", ".join((*route.methods, "OPTIONS")),
               "Access-Control-Allow-Headers": request.headers.get("access-control-request-headers", "*"),
               "Access-Control-Max-Age": "600"}
    if request.headers.get("access-control-request-private-network") == "true":
        headers["Access-Control-Allow-Private-Network"] = "true"  # a page on a public site, sending to loopback
    return Response(status_code=204, headers=headers)


def response(reply: Reply) -> Response:
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=dict(reply.headers))


def cors(request: Request, answer: Response) -> Response:
    """Browsers may send from any page (analytics.js, posthog-js): the ingest routes answer every origin."""
    origin = request.headers.get("origin")
    answer.headers["Access-Control-Allow-Origin"] = origin or "*"
    if origin:
        answer.headers["Access-Control-Allow-Credentials"] = "true"  # sendBeacon sends credentials
        answer.headers["Vary"] = "Origin"
    answer.headers["Access-Control-Expose-Headers"] = EXPOSED
    return answer
