"""The query API: filters, one event by id, waiting instead of sleeping, reset, and the digest in every format."""
from __future__ import annotations

import threading

from tests.serve.http import get, post

TRACK = {"type": "track", "event": "Products Searched", "userId": "u-1", "properties": {"query": "socks"}}
WRONG = {"type": "track", "event": "Order Completed", "userId": "u-1", "properties": {"total": "12"}}


def send(url: str, *events: dict, test_id: str | None = None) -> None:
    headers = {"X-Test-Id": test_id} if test_id else {}
    assert post(url + "/v1/batch", {"batch": list(events)}, headers).status == 200


def test_events_filters(collector):
    url = collector.url
    send(url, dict(TRACK, messageId="a"), dict(WRONG, messageId="b"), test_id="t-1")
    send(url, dict(TRACK, messageId="c"))
    later = get(url + "/pk/events/c").json()["received_at"]
    ids = lambda query: [e["message_id"] for e in get(url + "/pk/events" + query).json()["events"]]  # noqa: E731
    assert ids("") == ["a", "b", "c"]
    assert ids("?valid=false") == ["b"] and ids("?valid=true") == ["a", "c"]
    assert ids("?event=Products%20Searched") == ["a", "c"]
    assert ids("?test_id=t-1") == ["a", "b"]
    assert ids("?message_id=c") == ["c"]
    assert ids("?limit=2") == ["b", "c"]  # the latest
    assert ids("?since=" + later) == ["c"]  # events of one request share its time
    assert get(url + "/pk/events?valid=maybe").json()["code"] == "invalid_query"
    assert get(url + "/pk/events?since=yesterday").status == 400


def test_one_event_has_everything_a_test_needs(collector):
    send(collector.url, dict(WRONG, messageId="m-1"), test_id="t-9")
    event = get(collector.url + "/pk/events/m-1").json()
    assert event["route"] == "/v1/batch" and event["test_id"] == "t-9" and event["format"] == "segment"
    assert event["payload"] == dict(WRONG, messageId="m-1") and event["valid"] is False
    assert sorted((v["code"], v["path"]) for v in event["violations"]) == [
        ("EV003", "/properties/order_id"), ("EV004", "/properties/total")]
    missing = get(collector.url + "/pk/events/nope")
    assert missing.status == 404 and missing.json()["code"] == "not_found"


def test_summary_counts(collector):
    send(collector.url, TRACK, TRACK, WRONG)
    summary = get(collector.url + "/pk/summary").json()
    assert (summary["total"], summary["valid"], summary["invalid"]) == (3, 2, 1)
    assert summary["by_code"] == {"EV003": 1, "EV004": 1}
    assert summary["by_event"]["Products Searched"] == {"total": 2, "valid": 2, "invalid": 0}


def test_wait_returns_when_the_events_arrive(collector):
    sender = threading.Timer(0.3, send, (collector.url, TRACK, TRACK), {"test_id": "later"})
    sender.start()
    answer = get(collector.url + "/pk/wait?count=2&test_id=later&timeout=30")
    sender.join()
    assert answer.status == 200 and answer.json()["arrived"] == 2 and len(answer.json()["events"]) == 2


def test_wait_times_out_with_408_and_what_did_arrive(collector):
    send(collector.url, TRACK, test_id="short")
    answer = get(collector.url + "/pk/wait?count=3&test_id=short&timeout=0.2")
    assert answer.status == 408
    assert (answer.json()["arrived"], answer.json()["expected"], len(answer.json()["events"])) == (1, 3, 1)
    assert get(collector.url + "/pk/wait?count=x").status == 400


def test_test_id_from_the_event_context(collector):
    send(collector.url, dict(TRACK, context={"test_id": "ctx-1"}))
    assert get(collector.url + "/pk/wait?count=1&test_id=ctx-1&timeout=5").status == 200


def test_digest_in_the_report_formats(collector):
    send(collector.url, TRACK, WRONG, test_id="t-1")
    digest = get(collector.url + "/pk/digest?format=json").json()
    assert digest["summary"]["events"] == 2 and digest["summary"]["invalid"] == 1
    assert {row["code"] for row in digest["digest"]} == {"EV003", "EV004"}
    markdown = get(collector.url + "/pk/digest?format=markdown")
    assert markdown.headers["content-type"].startswith("text/markdown") and b"EV004" in markdown.body
    assert b"<html" in get(collector.url + "/pk/digest?format=html").body
    assert get(collector.url + "/pk/digest?format=xlsx").status == 400
    assert get(collector.url + "/pk/digest?format=json&test_id=other").json()["summary"]["events"] == 0


def test_store_cap_drops_the_oldest_from_the_query_api_only(serve, tmp_path):
    from protocol_kit.serve import CollectorSettings, Files

    out = tmp_path / "events.jsonl"
    running = serve(CollectorSettings(store_cap=3, files=Files(out=out)))
    send(running.url, *(dict(TRACK, messageId=f"m-{i}") for i in range(5)))
    assert [e["message_id"] for e in get(running.url + "/pk/events").json()["events"]] == ["m-2", "m-3", "m-4"]
    assert get(running.url + "/pk/events/m-0").status == 404
    summary = get(running.url + "/pk/summary").json()
    assert (summary["total"], summary["kept"], summary["dropped_from_store"]) == (5, 3, 2)
    assert len(out.read_bytes().splitlines()) == 5
