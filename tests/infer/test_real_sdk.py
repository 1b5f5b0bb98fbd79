"""Inference from what a real SDK sends: segment-analytics-python posting batches to a loopback server.

The bodies the client posts (``{"batch": [...], "sentAt": ...}``) are saved as
they arrive and read back as JSON documents, as `validate` reads them.
"""
from __future__ import annotations

import datetime
import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from protocol_kit.events import read_chunks
from protocol_kit.infer import infer_plan, write_draft
from protocol_kit.plan import load_plan
from protocol_kit.validation import Validator

analytics = pytest.importorskip("segment.analytics", reason="segment-analytics-python not installed: pip install -e '.[dev]'")


class _Collector(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        type(self).bodies.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sdk_batches(tmp_path):
    _Collector.bodies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client = analytics.Client(write_key="test-key", host=f"http://127.0.0.1:{server.server_port}",
                              sync_mode=True, max_retries=0)
    start = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.timezone.utc)
    for n in range(120):
        client.track(user_id=f"user-{n % 9}", event="Order Completed", timestamp=start + datetime.timedelta(hours=n),
                     properties={"order_id": f"o-{n}", "revenue": 10.5 + n, "currency": ["EUR", "USD"][n % 2],
                                 "placed_at": start + datetime.timedelta(minutes=n),
                                 "products": [{"sku": f"SKU-{n % 7}", "quantity": 1 + n % 3}]})
    for n in range(20):
        client.identify(user_id=f"user-{n}", traits={"email": f"user{n}@example.com", "plan": ["free", "pro"][n % 2]},
                        timestamp=start)
    # sync_mode: every call was posted before it returned (and there is no consumer thread to shut down)
    server.shutdown()
    folder = tmp_path / "batches"
    folder.mkdir()
    for number, body in enumerate(_Collector.bodies):
        assert json.loads(body)["batch"]
        (folder / f"batch-{number:03d}.json").write_bytes(body)
    return folder


def test_a_draft_from_the_python_sdk(sdk_batches, tmp_path):
    result = infer_plan(read_chunks([sdk_batches]))
    assert result.totals["events"] == 140
    order = next(e for e in result.events if e.name == "Order Completed")
    assert order.count == 120 and list(order.libraries) == ["analytics-python"]
    assert (order.first, order.last) == ("2026-11-20T09:00:00.000Z", "2026-11-25T08:00:00.000Z")
    props = {p.name: p for p in result.plan.event("Order Completed").properties}
    assert (props["revenue"].type, props["currency"].enum, props["placed_at"].type) == ("number", ("EUR", "USD"),
                                                                                          "datetime")
    sku = {p.name: p for p in props["products"].items.properties}["sku"]
    assert sku.type == "string" and sku.enum is None  # an identifier, however few its values
    traits = {p.name: p for p in result.plan.call("identify").properties}
    assert traits["email"].type == "email" and traits["email"].pii == "email"
    _, findings = write_draft(result, tmp_path / "draft.yaml")
    assert [f.code for f in findings] == ["IN005"]
    report = Validator(load_plan(tmp_path / "draft.yaml"), pii="off").run(read_chunks([sdk_batches]))
    assert report.violations == () and report.outcomes.passed == 140
