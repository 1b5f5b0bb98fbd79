"""The ingest routes: what each SDK's service answers, bodies as browsers send them, write keys and refusals."""
from __future__ import annotations

import base64
import gzip
import json

import pytest

from protocol_kit.serve import CollectorSettings, Limits
from protocol_kit.serve.routes import PIXEL
from tests.serve.http import call, get, post

TRACK = {"type": "track", "event": "Products Searched", "userId": "u-1", "properties": {"query": "socks"}}
BROKEN = {"type": "track", "event": "Products Searched", "userId": "u-1", "properties": {"query": 3}}


@pytest.mark.parametrize("path", ["/v1/track", "/v1/t", "/v1/batch", "/v1/b", "/b"])
def test_segment_routes_answer_success_and_name_ids_and_violations(collector, path):
    body = {"batch": [dict(TRACK, messageId="m-1"), dict(BROKEN, messageId="m-2")]} if "b" in path.split("/")[-1] \
        else dict(BROKEN, messageId="m-2")
    answer = post(collector.url + path, body)
    assert (answer.status, answer.json()) == (200, {"success": True})
    ids = answer.headers["x-protocol-kit-message-ids"].split(",")
    assert ids[-1] == "m-2" and answer.headers["x-protocol-kit-violations"] == "1"
    assert answer.headers["x-protocol-kit-invalid"] == "1"
    assert get(f"{collector.url}/pk/events/m-2").json()["violations"][0]["code"] == "EV004"


def test_analytics_js_text_plain_body_with_write_key(serve):
    running = serve(CollectorSettings(write_keys=frozenset({"wk-browser"})))
    body = json.dumps(dict(TRACK, writeKey="wk-browser")).encode()
    answer = post(running.url + "/v1/t", body, {"Content-Type": "text/plain"})
    assert answer.status == 200
    [event] = get(running.url + "/pk/events").json()["events"]
    assert event["write_key"] == "wk-browser" and "writeKey" not in event["event"]


def test_rudderstack_gets_ok(collector):
    answer = post(collector.url + "/v1/batch", {"batch": [dict(TRACK, channel="server", rudderId="r-1")]})
    assert (answer.status, answer.body) == (200, b"OK")


def test_gzip_bodies_are_read(collector):
    body = gzip.compress(json.dumps({"batch": [TRACK, BROKEN]}).encode())
    answer = post(collector.url + "/v1/batch", body, {"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert answer.status == 200 and answer.headers["x-protocol-kit-violations"] == "1"


def test_cors_preflight_and_headers(collector):
    answer = call("OPTIONS", collector.url + "/v1/t", headers={
        "Origin": "https://shop.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type", "Access-Control-Request-Private-Network": "true"})
    assert answer.status == 204 and answer.headers["access-control-allow-private-network"] == "true"
    assert answer.headers["access-control-allow-origin"] == "https://shop.example"
    assert "POST" in answer.headers["access-control-allow-methods"]
    assert answer.headers["access-control-allow-headers"] == "content-type"
    sent = post(collector.url + "/v1/t", TRACK, {"Origin": "https://shop.example"})
    assert sent.headers["access-control-allow-origin"] == "https://shop.example"
    assert "X-Protocol-Kit-Violations" in sent.headers["access-control-expose-headers"]


def test_each_vendor_gets_its_answer(collector):
    posthog = post(collector.url + "/batch/", {"api_key": "phc", "batch": [
        {"event": "Products Searched", "distinct_id": "u-1", "properties": {"query": "x"}}]})
    assert (posthog.status, posthog.json()) == (200, {"status": 1})
    data = base64.b64encode(json.dumps([{"event": "Products Searched", "properties": {
        "token": "t", "distinct_id": "u-1", "query": "x"}}]).encode()).decode()
    mixpanel = post(collector.url + "/track", f"data={data}&verbose=1".encode(),
                    {"Content-Type": "application/x-www-form-urlencoded"})
    assert mixpanel.json() == {"status": 1, "error": None}
    assert post(collector.url + "/track", f"data={data}".encode()).body == b"1"
    amplitude = post(collector.url + "/2/httpapi", {"api_key": "a", "events": [
        {"event_type": "Products Searched", "user_id": "u-1", "event_properties": {"query": "x"}}]}).json()
    assert (amplitude["code"], amplitude["events_ingested"]) == (200, 1)
    pixel = get(collector.url + "/i?e=pv&url=https%3A%2F%2Fshop.example%2F&page=Home&tv=py-1.0&p=srv&uid=u-1")
    assert (pixel.status, pixel.body, pixel.headers["content-type"]) == (200, PIXEL, "image/gif")
    summary = get(collector.url + "/pk/summary").json()
    assert summary["total"] == 5 and summary["invalid"] == 0


@pytest.mark.parametrize("credentials", [
    {"Authorization": "Basic " + base64.b64encode(b"wk-1:").decode()},
    {"Authorization": "Bearer wk-2"},
    {"body": "wk-1"},
])
def test_known_write_keys_are_accepted(serve, credentials):
    running = serve(CollectorSettings(write_keys=frozenset({"wk-1", "wk-2"})))
    body = {"batch": [TRACK], "writeKey": credentials.pop("body")} if "body" in credentials else {"batch": [TRACK]}
    assert post(running.url + "/v1/batch", body, credentials).status == 200


@pytest.mark.parametrize("credentials", [{}, {"Authorization": "Basic " + base64.b64encode(b"other:").decode()},
                                         {"Authorization": "Bearer other"}])
def test_other_write_keys_get_401(serve, credentials):
    running = serve(CollectorSettings(write_keys=frozenset({"wk-1"})))
    answer = post(running.url + "/v1/batch", {"batch": [TRACK]}, credentials)
    assert answer.status == 401 and answer.json()["code"] == "invalid_write_key"
    summary = get(running.url + "/pk/summary").json()
    assert (summary["total"], summary["rejected_by_code"]) == (0, {"invalid_write_key": 1})


@pytest.mark.parametrize("body, headers, code, words", [
    (b'{"batch": [', {}, "invalid_body", "not valid JSON"),
    (b"", {}, "invalid_body", "empty body"),
    (b"\x1f\x8b\x08\x00broken", {"Content-Encoding": "gzip"}, "invalid_gzip", "gzip"),
    (gzip.compress(b'{"type": "track"')[:-8], {"Content-Encoding": "gzip"}, "invalid_gzip", "cut short"),
    (b'{"batch": [' + b'{"type": "track", "event": "x"},' * 20_000 + b'{}]}', {}, "body_too_large",
     "the limit is 512,000"),
    (gzip.compress(b'{"batch": [' + b" " * 600_000 + b"]}"), {"Content-Encoding": "gzip"}, "body_too_large",
     "once decompressed"),
    (json.dumps({"batch": [TRACK, dict(TRACK, properties={"query": "x" * 40_000})]}).encode(), {},
     "event_too_large", "event 1 of the body"),
])
def test_unusable_bodies_get_400_with_code_and_message(collector, body, headers, code, words):
    answer = call("POST", collector.url + "/v1/batch", body, {"Content-Type": "application/json", **headers})
    assert answer.status == 400, answer.body
    assert answer.json()["code"] == code and words in answer.json()["message"]
    assert get(collector.url + "/pk/summary").json()["total"] == 0


def test_limits_are_configurable(serve):
    running = serve(CollectorSettings(limits=Limits(max_event_bytes=100, max_batch_bytes=1000)))
    assert post(running.url + "/v1/track", TRACK).status == 200
    assert post(running.url + "/v1/track", dict(TRACK, properties={"query": "x" * 100})).json()["code"] \
        == "event_too_large"
    assert post(running.url + "/v1/batch", {"batch": [TRACK] * 20}).json()["code"] == "body_too_large"


def test_a_parseable_body_that_is_no_event_is_accepted_and_reported(collector):
    answer = post(collector.url + "/v1/track", {"hello": "world"})
    assert answer.status == 200 and answer.headers["x-protocol-kit-invalid"] == "1"
    [event] = get(collector.url + "/pk/events").json()["events"]
    assert event["violations"][0]["code"] == "EV001" and event["payload"] == {"hello": "world"}


def test_mixpanel_get_with_data_in_the_query_string(collector):
    data = base64.b64encode(json.dumps({"event": "Products Searched", "properties": {
        "token": "t", "distinct_id": "u-1", "query": "x"}}).encode()).decode()
    answer = get(f"{collector.url}/track/?data={data}")
    assert (answer.status, answer.body) == (200, b"1")
    [event] = get(collector.url + "/pk/events").json()["events"]
    assert (event["format"], event["valid"]) == ("mixpanel", True)


def test_deeply_nested_events_are_kept_and_answered(collector):
    nested: dict = {}
    for _ in range(400):  # deeper than the nesting limit (128), and than orjson writes (255)
        nested = {"x": nested}
    answer = post(collector.url + "/v1/track", dict(TRACK, messageId="deep", properties={"query": "q", "n": nested}))
    assert answer.status == 200 and answer.headers["x-protocol-kit-invalid"] == "1"
    [event] = get(collector.url + "/pk/events").json()["events"]
    assert [v["code"] for v in event["violations"]] == ["EV001"]  # the nesting limit: malformed, kept


def test_message_ids_header_stays_small_for_large_batches(collector):
    events = [dict(TRACK, messageId=f"message-{n:05}") for n in range(1000)]
    answer = post(collector.url + "/v1/batch", {"batch": events})
    ids = answer.headers["x-protocol-kit-message-ids"].split(",")
    assert answer.headers["x-protocol-kit-events"] == "1000"
    assert len(answer.headers["x-protocol-kit-message-ids"]) <= 4000
    assert ids == [e["messageId"] for e in events[:len(ids)]]
