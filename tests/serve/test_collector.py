"""The collector without HTTP: ``Collector.ingest`` as a library call."""
from __future__ import annotations

import gzip
import json

from protocol_kit.serve import Collector, CollectorSettings, Files
from protocol_kit.serve.routes import ROUTES
from tests.wire.conftest import PLAN

BATCH = next(route for route in ROUTES if route.path == "/v1/batch")
TRACK = {"type": "track", "event": "Products Searched", "userId": "u-1", "properties": {"query": 3}}


def test_ingest_reads_headers_in_any_case_and_writes_before_storing(tmp_path):
    out = tmp_path / "events.jsonl"
    collector = Collector(PLAN, CollectorSettings(files=Files(out=out)))
    body = gzip.compress(json.dumps({"batch": [TRACK]}).encode())
    reply = collector.ingest(BATCH, {"Content-Encoding": "gzip", "X-Test-Id": "lib"}, body)
    collector.close()
    assert (reply.status, reply.body, reply.headers["X-Protocol-Kit-Violations"]) == (200, b'{"success":true}', "1")
    assert collector.store.summary("lib")["by_code"] == {"EV004": 1}
    assert json.loads(out.read_bytes()) == TRACK
