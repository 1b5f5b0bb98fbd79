"""Hostile input: 1,000 requests at once, one thread each, three in eight broken; nothing crashes or is lost."""
from __future__ import annotations

import gzip
import json
import threading
from concurrent.futures import ThreadPoolExecutor

from protocol_kit.serve import CollectorSettings, Files, Limits
from tests.serve.http import call, get

REQUESTS = 1000  # one thread each, all released at once
TRACK = {"type": "track", "event": "Products Searched", "userId": "u-1", "properties": {"query": "socks"}}
WRONG = {"type": "track", "event": "Order Completed", "userId": "u-1", "properties": {"total": "12"}}


def body(number: int) -> tuple[bytes, dict[str, str], int, int]:
    """Request ``number``: its body, headers, the status it must get and the events it holds."""
    kind = number % 8
    if kind == 5:
        return b'{"batch": [{"type": "track"', {}, 400, 0  # cut short
    if kind == 6:
        return b"\x1f\x8b\x08\x00\x00\x00not gzip", {"Content-Encoding": "gzip"}, 400, 0
    if kind == 7:
        return json.dumps({"batch": [TRACK] * 200}).encode(), {}, 400, 0  # over the batch limit
    events = [dict(TRACK, messageId=f"m-{number}-a"), dict(WRONG, messageId=f"m-{number}-b")]
    raw = json.dumps({"batch": events}).encode()
    return (gzip.compress(raw), {"Content-Encoding": "gzip"}, 200, 2) if kind == 4 else (raw, {}, 200, 2)


def test_a_thousand_concurrent_requests(serve, tmp_path):
    out = tmp_path / "events.jsonl"
    running = serve(CollectorSettings(files=Files(out=out), store_cap=500,
                                      limits=Limits(max_batch_bytes=8 * 1024)))

    start = threading.Barrier(REQUESTS, timeout=60)

    def send(number: int) -> tuple[int, int, int]:
        data, headers, expected, events = body(number)
        start.wait()
        answer = call("POST", running.url + "/v1/batch", data, {"Content-Type": "application/json", **headers},
                      timeout=60)
        return answer.status, expected, events

    with ThreadPoolExecutor(REQUESTS) as pool:
        results = list(pool.map(send, range(REQUESTS)))
    assert [status for status, _, _ in results] == [expected for _, expected, _ in results]
    accepted = sum(events for _, _, events in results)
    refused = sum(status == 400 for status, _, _ in results)

    summary = get(running.url + "/pk/summary").json()
    assert summary["total"] == accepted == summary["valid"] + summary["invalid"]
    assert summary["valid"] == summary["invalid"] == accepted // 2
    assert summary["rejected_requests"] == refused == 375
    assert summary["kept"] == 500 and summary["dropped_from_store"] == accepted - 500
    lines = out.read_bytes().splitlines()
    assert len(lines) == accepted
    sent = {e["messageId"] for e in map(json.loads, lines)}
    assert sent == {f"m-{n}-{x}" for n in range(REQUESTS) if n % 8 < 5 for x in "ab"}
