"""The live page in a real browser: it shows events sent after it was opened, escapes names, masks user ids.

Needs Chromium (Debian package ``chromium``; .ci/run installs it) and the
``playwright`` Python package (the ``dev`` extra), as the HTML report's test.
"""
from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager

import pytest

from tests.report.test_html_browser import ARGS, CHROMIUM
from tests.serve.http import get, post

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
expect = sync_api.expect
if CHROMIUM is None:
    pytest.skip("no Chromium on this machine (apt-get install chromium)", allow_module_level=True)

@contextmanager
def shop_page():
    """A page on another loopback port (another origin), served by the standard library."""
    class Shop(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"<!doctype html><title>shop</title>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Shop)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/shop"
    finally:
        server.shutdown()
        server.server_close()


HOSTILE = '<img src=x onerror="alert(1)">Order</script>'


def test_live_page_updates_escapes_and_masks(collector):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        problems = []
        page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("request", lambda r: r.url.startswith(collector.url) or problems.append(f"request: {r.url}"))
        page.goto(collector.url + "/")
        expect(page.locator("#status")).to_contain_text("updated")  # its script ran under the policy
        assert page.inner_text("#total") == "0"

        post(collector.url + "/v1/batch", {"batch": [
            {"type": "track", "event": HOSTILE, "userId": "jane.doe@example.org", "messageId": "m-hostile"},
            {"type": "track", "event": "Products Searched", "userId": "u-1", "properties": {"query": "socks"}}]})
        expect(page.locator("#total")).to_have_text("2", timeout=10_000)  # no reload
        expect(page.locator("#latest tbody tr")).to_have_count(2)
        latest = page.inner_text("#latest")
        assert HOSTILE in latest and "m-hostile" in latest and "EV002" in latest
        assert "jane.doe@example.org" not in page.content() and "j***@e***.org" in latest
        assert page.locator("img").count() == 0
        assert HOSTILE in page.inner_text("#digest")
        browser.close()
    assert problems == []


def test_live_page_is_served_under_a_strict_content_security_policy(collector):
    page = get(collector.url + "/")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe" not in policy
    assert b"http" not in page.body.replace(b"http-equiv", b"")  # nothing loaded from elsewhere
    assert get(collector.url + "/pk/live.js").headers["content-type"].startswith("text/javascript")


def test_a_page_of_another_origin_sends_as_analytics_js_does(collector):
    """fetch with JSON (a CORS preflight first) and sendBeacon with text/plain, from another origin."""
    with shop_page() as app, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(app)
        status = page.evaluate("""async (url) => {
            const call = (id) => JSON.stringify({type: "track", event: "Products Searched", userId: "u-1",
                                                 messageId: id, properties: {query: "socks"}, writeKey: "wk"});
            const sent = await fetch(url + "/v1/t", {method: "POST", body: call("m-fetch"),
                                                     headers: {"Content-Type": "application/json"}});
            const violations = sent.headers.get("X-Protocol-Kit-Violations");
            const queued = navigator.sendBeacon(url + "/v1/t", new Blob([call("m-beacon")], {type: "text/plain"}));
            return [sent.status, violations, queued];
        }""", collector.url)
        assert status == [200, "0", True]
        assert get(collector.url + "/pk/wait?count=2&timeout=10").status == 200
        browser.close()
    events = get(collector.url + "/pk/events").json()["events"]
    assert sorted(e["message_id"] for e in events) == ["m-beacon", "m-fetch"]
    assert all(e["valid"] and e["write_key"] == "wk" for e in events)
