"""The HTML report in a real browser: it renders offline, sorts, filters, runs no payload and logs no error.

Needs Chromium (Debian package ``chromium``; .ci/run installs it) and the
``playwright`` Python package (the ``dev`` extra). Playwright drives the
system browser; it never downloads one.
"""
from __future__ import annotations

import base64
import shutil

import pytest

from protocol_kit.report import render
from tests.report.sample import report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
if CHROMIUM is None:
    pytest.skip("no Chromium on this machine (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render("html", report()), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.problems = []
        page.on("console", lambda m: m.type in ("error", "warning") and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("request", lambda r: r.url.startswith("file:") or page.problems.append(f"request: {r.url}"))
        page.goto(path.as_uri())
        yield page
        browser.close()


def visible_rows(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#digest-table tbody tr:not([hidden])", "rows => rows.map(r => Array.from(r.cells, c => c.textContent))")


def test_renders_without_errors_requests_or_running_payloads(page):
    assert page.title().startswith("protocol-kit validate shop 2.1.0")
    assert page.locator("#charts svg rect").count() > 0
    assert "<script>alert(1)</script>" in page.inner_text("#digest-table")  # shown as text
    assert page.problems == []


def test_digest_sorts_by_a_column(page):
    header = page.locator("#digest-table th", has_text="count")
    header.click()
    ascending = [int(r[5]) for r in visible_rows(page)]
    header.click()
    descending = [int(r[5]) for r in visible_rows(page)]
    assert ascending == sorted(ascending) and descending == sorted(ascending, reverse=True)
    page.locator("#digest-table th", has_text="code").click()
    codes = [r[1] for r in visible_rows(page)]
    assert codes == sorted(codes)


def test_digest_filters_by_text_and_severity(page):
    page.fill("#filter", "signed up")
    assert {r[1] for r in visible_rows(page)} == {"EV002", "PII001"}
    page.fill("#filter", "")
    page.select_option("#severity", "warning")
    assert {r[0] for r in visible_rows(page)} == {"warning"}
    assert page.inner_text("#shown") == "2 of 9 rows"
    page.select_option("#severity", "")
    assert len(visible_rows(page)) == 9
    assert page.problems == []


def test_screenshot_of_the_table_is_not_blank(page, tmp_path):
    shot = page.locator("#digest-table").screenshot()
    (tmp_path / "digest.png").write_bytes(shot)
    inked = page.context.browser.new_page()
    share = inked.evaluate("""async (src) => {
        const img = new Image(); img.src = src; await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width; canvas.height = img.height;
        const ctx = canvas.getContext("2d"); ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(0, 0, img.width, img.height).data;
        let ink = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 600) ink++;
        return {ink: ink / (px.length / 4), width: img.width, height: img.height};
    }""", "data:image/png;base64," + base64.b64encode(shot).decode())
    inked.close()
    assert share["width"] > 600 and share["height"] > 150
    assert 0.01 < share["ink"] < 0.6, share
