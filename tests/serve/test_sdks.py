"""The real client libraries send to the collector; the query API shows exactly the violations planted.

No sleeps: ``/pk/wait`` returns once the events have arrived (and they are
checked before the SDK gets its answer, so they are there when it returns).
"""
from __future__ import annotations

import pytest

from tests.serve.http import get, post
from tests.wire.senders import CONFORMING, MISTAKES, SENDERS, supported
from tests.wire.test_sdks import MODULES

SCENARIOS = {"conforming": (CONFORMING, []), "mistakes": ([call for call, _ in MISTAKES], [f for _, f in MISTAKES])}
FORMAT = {"segment-python": "segment", "segment-node": "segment", "rudderstack-python": "rudderstack"}


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("sdk", SENDERS)
def test_sdk_events_are_checked_on_arrival(sdk, scenario, collector, request):
    if sdk == "segment-node":
        request.getfixturevalue("node_sdk")
    else:
        pytest.importorskip(MODULES[sdk], reason=f"{sdk} not installed: pip install -e '.[dev]'")
    calls, expected = SCENARIOS[scenario]
    calls = supported(sdk, calls)
    SENDERS[sdk](collector.url, calls)  # each sender fails when its SDK reports an error

    arrived = get(f"{collector.url}/pk/wait?count={len(calls)}&timeout=30").json()
    assert arrived["arrived"] == len(calls)
    assert {e["format"] for e in arrived["events"]} == {FORMAT.get(sdk, sdk.split("-")[0])}
    invalid = get(f"{collector.url}/pk/events?valid=false").json()["events"]
    found = sorted((v["code"], v["path"]) for e in invalid for v in e["violations"])
    assert found == sorted(expected)
    summary = get(f"{collector.url}/pk/summary").json()
    assert (summary["total"], summary["invalid"], summary["rejected_requests"]) == (len(calls), len(expected), 0)
    for event in arrived["events"]:  # every event can be looked up by its message id
        assert get(f"{collector.url}/pk/events/{event['message_id']}").json()["seq"] == event["seq"]


def test_reset_and_test_ids_isolate_tests(collector):
    from segment.analytics import Client

    client = Client("wk", host=collector.url, sync_mode=True, max_retries=0)
    client.track("u-1", "Products Searched", {"query": "a"}, context={"test_id": "first"})
    client.track("u-1", "Products Searched", {"query": 3}, context={"test_id": "second"})
    client.flush()
    assert get(f"{collector.url}/pk/wait?count=1&test_id=first&timeout=10").status == 200
    second = get(f"{collector.url}/pk/summary?test_id=second").json()
    assert (second["total"], second["invalid"], second["by_code"]) == (1, 1, {"EV004": 1})

    assert post(f"{collector.url}/pk/reset?test_id=second", b"").json()["reset"] == 1
    assert get(f"{collector.url}/pk/summary").json()["total"] == 1
    assert [e["test_id"] for e in get(f"{collector.url}/pk/events").json()["events"]] == ["first"]
    assert post(f"{collector.url}/pk/reset", b"").json()["reset"] == 1
    assert get(f"{collector.url}/pk/summary").json()["total"] == 0


def test_sdks_sending_gzip_with_basic_auth_and_a_write_key(serve):
    from posthog import Posthog
    from rudderstack.analytics import Client as RudderClient
    from segment.analytics import Client as SegmentClient

    from protocol_kit.serve import CollectorSettings

    running = serve(CollectorSettings(write_keys=frozenset({"wk-segment", "wk-rudder", "phc_test"})))
    for Client, key in ((SegmentClient, "wk-segment"), (RudderClient, "wk-rudder")):
        client = Client(key, host=running.url, sync_mode=True, max_retries=0, gzip=True, on_error=_raise)
        client.track("u-1", "Products Searched", {"query": "socks"})
        client.flush()
    posthog = Posthog("phc_test", host=running.url, sync_mode=True, max_retries=0, gzip=True,
                      enable_local_evaluation=False, disable_geoip=True, enable_exception_autocapture=False,
                      on_error=_raise)
    posthog.capture("Products Searched", distinct_id="u-1", properties={"query": "socks"})
    posthog.flush()
    posthog.shutdown()
    events = get(f"{running.url}/pk/wait?count=3&timeout=30").json()["events"]
    assert sorted((e["format"], e["write_key"], e["valid"]) for e in events) == [
        ("posthog", "phc_test", True), ("rudderstack", "wk-rudder", True), ("segment", "wk-segment", True)]

    from segment.analytics.request import APIError

    refused = SegmentClient("wk-other", host=running.url, sync_mode=True, max_retries=0, gzip=True)
    with pytest.raises(APIError) as error:  # the SDK reads the collector's {code, message}
        refused.track("u-1", "Products Searched", {"query": "socks"})
    assert (error.value.status, error.value.code) == (401, "invalid_write_key")
    assert get(f"{running.url}/pk/summary").json()["rejected_by_code"] == {"invalid_write_key": 1}


def _raise(*args) -> None:
    raise AssertionError(f"the SDK could not send: {args!r}")
