"""The ingest routes: the paths each SDK posts to, and the answer it expects.

Any route reads any format (the body's content decides, see
docs/wire-formats.md); the route decides only the answer, so that each SDK
sees what its own service returns and neither retries nor drops events.
"""
from __future__ import annotations

from dataclasses import dataclass

import orjson

SEGMENT_CALLS = ("track", "identify", "page", "screen", "group", "alias", "batch")
SEGMENT_SHORT = ("t", "i", "p", "s", "g", "a", "b")  # analytics.js


@dataclass(frozen=True, slots=True)
class Route:
    path: str
    vendor: str  # segment, posthog, mixpanel, amplitude, snowplow
    methods: tuple[str, ...] = ("POST",)


def _routes() -> tuple[Route, ...]:
    segment = [Route(f"/v1/{name}", "segment") for name in (*SEGMENT_CALLS, *SEGMENT_SHORT)]
    mixpanel = [Route(path, "mixpanel", ("GET", "POST")) for name in ("track", "engage", "groups")
                for path in (f"/{name}", f"/{name}/")]
    return (*segment, Route("/b", "segment"),
            Route("/batch/", "posthog"), Route("/capture/", "posthog"), Route("/e/", "posthog"),
            Route("/capture", "posthog"), Route("/e", "posthog"),
            *mixpanel,
            Route("/2/httpapi", "amplitude"), Route("/batch", "amplitude"),
            Route("/com.snowplowanalytics.snowplow/tp2", "snowplow"), Route("/i", "snowplow", ("GET",)))


ROUTES = _routes()
# a transparent 1x1 GIF: what a Snowplow collector answers to GET /i
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


def answer(route: Route, *, formats: set[str], events: int, size: int, verbose: bool,
           now_ms: int) -> tuple[bytes, str]:
    """The body and media type the SDK of ``route`` expects for an accepted request."""
    if route.vendor == "segment":
        if formats and formats <= {"rudderstack"}:
            return b"OK", "text/plain; charset=utf-8"
        return b'{"success":true}', "application/json"
    if route.vendor == "posthog":
        return b'{"status":1}', "application/json"
    if route.vendor == "mixpanel":
        return (b'{"status":1,"error":null}', "application/json") if verbose else (b"1", "text/plain")
    if route.vendor == "amplitude":
        return orjson.dumps({"code": 200, "events_ingested": events, "payload_size_bytes": size,
                             "server_upload_time": now_ms}), "application/json"
    if route.path == "/i":
        return PIXEL, "image/gif"
    return b"ok", "text/plain; charset=utf-8"
