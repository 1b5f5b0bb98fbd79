"""The calls the SDK tests make, and one sender per real client library that makes them.

A call is ``("track", event, properties)``, ``("identify", traits)``,
``("page", name, properties)`` or ``("group", group_id, traits)``, always for
user ``u-1``. Each sender points its SDK at ``host`` (a loopback recorder),
turns off everything that could reach another address, and flushes
before it returns. SDKs without a call (Mixpanel and Amplitude have no page,
Snowplow no identify or group) skip it: ``CALLS`` says which they send.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

NODE_FOLDER = Path(__file__).resolve().parent / "node"
TIMEOUT = 5  # seconds, for every request an SDK makes

CONFORMING = [
    ("track", "Order Completed", {"order_id": "o-1", "total": 25.5, "currency": "EUR", "products": [
        {"product_id": "p-1", "quantity": 2, "price": 10.0}, {"product_id": "p-2", "quantity": 1, "price": 5.5}]}),
    ("track", "Products Searched", {"query": "running shoes"}),
    ("identify", {"email": "ada@example.com", "plan": "plus"}),
    ("page", "Home", {"url": "https://shop.example/home", "title": "Home"}),
    ("group", "g-1", {"name": "Acme Inc", "employees": 12}),
]
# each planted mistake and the (code, path) it must give
MISTAKES = [
    (("track", "Order Completed", {"total": 10, "currency": "EUR"}), ("EV003", "/properties/order_id")),
    (("track", "Order Completed", {"order_id": "o-2", "total": "12.5"}), ("EV004", "/properties/total")),
    (("track", "Order Complete", {"order_id": "o-3", "total": 1}), ("EV002", "")),
    (("track", "Products Searched", {"query": "call me at jane.doe@example.org"}), ("PII001", "/properties/query")),
]
CALLS = {
    "segment-python": {"track", "identify", "page", "group"},
    "segment-node": {"track", "identify", "page", "group"},
    "rudderstack-python": {"track", "identify", "page", "group"},
    "posthog": {"track", "identify", "page", "group"},
    "mixpanel": {"track", "identify", "group"},
    "amplitude": {"track", "identify", "group"},
    "snowplow-post": {"track", "page"},
    "snowplow-get": {"track", "page"},
}


def supported(sdk: str, calls: list[tuple]) -> list[tuple]:
    return [call for call in calls if call[0] in CALLS[sdk]]


def send_segment_python(host: str, calls: list[tuple]) -> None:
    from segment.analytics import Client

    client = Client("wk-segment", host=host, sync_mode=True, max_retries=0, timeout=TIMEOUT,
                    on_error=_raise)
    _segment_spec_calls(client, calls)
    client.flush()


def send_rudderstack_python(host: str, calls: list[tuple]) -> None:
    from rudderstack.analytics import Client

    client = Client("wk-rudder", host=host, sync_mode=True, max_retries=0, timeout=TIMEOUT, on_error=_raise)
    _segment_spec_calls(client, calls)
    client.flush()


def _segment_spec_calls(client, calls: list[tuple]) -> None:
    for kind, *args in calls:
        if kind == "track":
            client.track("u-1", args[0], args[1])
        elif kind == "identify":
            client.identify("u-1", args[0])
        elif kind == "page":
            client.page("u-1", name=args[0], properties=args[1])
        elif kind == "group":
            client.group("u-1", args[0], args[1])


def send_segment_node(host: str, calls: list[tuple]) -> None:
    result = subprocess.run([shutil.which("node") or "node", "send.mjs", host], cwd=NODE_FOLDER,
                            input=json.dumps(calls), text=True, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr


def send_posthog(host: str, calls: list[tuple]) -> None:
    from posthog import Posthog

    # no personal API key: no feature flag polling; no geoip, no exception autocapture
    client = Posthog("phc_test", host=host, sync_mode=True, max_retries=0, timeout=TIMEOUT,
                     enable_local_evaluation=False, disable_geoip=True, enable_exception_autocapture=False,
                     on_error=_raise)
    for kind, *args in calls:
        if kind == "track":
            client.capture(args[0], distinct_id="u-1", properties=args[1])
        elif kind == "identify":
            client.set(distinct_id="u-1", properties=args[0])
        elif kind == "page":
            client.capture("$pageview", distinct_id="u-1",
                           properties={"$current_url": args[1]["url"], "$title": args[1]["title"]})
        elif kind == "group":
            client.group_identify("company", args[0], args[1])
    client.flush()
    client.shutdown()


def send_mixpanel(host: str, calls: list[tuple]) -> None:
    from mixpanel import Consumer, Mixpanel

    consumer = Consumer(events_url=f"{host}/track", people_url=f"{host}/engage", groups_url=f"{host}/groups",
                        request_timeout=TIMEOUT, retry_limit=0)
    client = Mixpanel("mp-token", consumer=consumer)  # alias() would use a consumer of its own: not called
    for kind, *args in calls:
        if kind == "track":
            client.track("u-1", args[0], args[1])
        elif kind == "identify":
            client.people_set("u-1", args[0])
        elif kind == "group":
            client.group_set("company", args[0], args[1])


def send_amplitude(host: str, calls: list[tuple]) -> None:
    from amplitude import Amplitude, BaseEvent, Config, EventOptions, Identify

    config = Config(server_url=f"{host}/2/httpapi", flush_max_retries=1, flush_queue_size=100)
    client = Amplitude("amp-key", configuration=config)
    for kind, *args in calls:
        if kind == "track":
            client.track(BaseEvent(event_type=args[0], user_id="u-1", event_properties=args[1]))
        elif kind in ("identify", "group"):
            update = Identify()
            for name, value in args[-1].items():
                update.set(name, value)
            if kind == "identify":
                client.identify(update, EventOptions(user_id="u-1"))
            else:
                client.group_identify("company", args[0], update, EventOptions(user_id="u-1"))
    client.flush()
    client.shutdown()


def send_snowplow_post(host: str, calls: list[tuple]) -> None:
    _send_snowplow(host, calls, method="post")


def send_snowplow_get(host: str, calls: list[tuple]) -> None:
    _send_snowplow(host, calls, method="get")


def _send_snowplow(host: str, calls: list[tuple], *, method: str) -> None:
    from snowplow_tracker import Emitter, PageView, SelfDescribing, SelfDescribingJson, Subject, Tracker

    address = urlsplit(host)
    emitter = Emitter(address.hostname, protocol="http", port=address.port, method=method, batch_size=50,
                      request_timeout=TIMEOUT, on_failure=lambda count, failed: _raise(failed))
    # POST as JSON strings (ue_pr, co), GET as base64 (ue_px, cx)
    tracker = Tracker("shop", emitter, app_id="shop", subject=Subject().set_user_id("u-1"),
                      encode_base64=method == "get")
    app = SelfDescribingJson("iglu:com.example/app/jsonschema/1-0-0", {"name": "shop", "version": "1.0.0"})
    for kind, *args in calls:
        if kind == "track":
            schema = f"iglu:com.example/{_snake(args[0])}/jsonschema/1-0-0"
            tracker.track(SelfDescribing(SelfDescribingJson(schema, args[1]), context=[app]))
        elif kind == "page":
            tracker.track(PageView(page_url=args[1]["url"], page_title=args[1]["title"]))
    tracker.flush()


def _snake(name: str) -> str:
    return re.sub(r"\W+", "_", name).lower()


def _raise(*args) -> None:
    raise AssertionError(f"the SDK could not send: {args!r}")


SENDERS = {
    "segment-python": send_segment_python,
    "segment-node": send_segment_node,
    "rudderstack-python": send_rudderstack_python,
    "posthog": send_posthog,
    "mixpanel": send_mixpanel,
    "amplitude": send_amplitude,
    "snowplow-post": send_snowplow_post,
    "snowplow-get": send_snowplow_get,
}
