"""The ``collector`` fixture run by pytester: the real segment-analytics-python client sending to it over loopback."""
from __future__ import annotations

import shutil
import textwrap

import pytest

import protocol_kit.pytest_plugin.session  # noqa: F401
from tests.pytest_plugin.test_plugin import CASES

pytest_plugins = ["pytester"]

pytest.importorskip("segment.analytics", reason="not installed: segment-analytics-python")
for _server in ("starlette", "uvicorn"):
    pytest.importorskip(_server, reason=f"not installed: {_server} (pip install -e '.[serve]')")
# imported once here: pytester's in-process runs drop the modules they import (see test_plugin.py)
import protocol_kit.serve.app  # noqa: E402,F401

# the inner runs may reach loopback only: anything else fails the test that tried
LOOPBACK_ONLY = """
import pytest
from tests.wire.recorder import LoopbackOnly

@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    guard = LoopbackOnly(monkeypatch)
    yield
    assert not guard.refused, f"a test tried to reach {sorted(set(guard.refused))}"
"""

# the application: sends with the real SDK, synchronously, to wherever the test points it
SHOP = """
from segment.analytics import Client


def client(host):
    return Client("wk-shop", host=host, sync_mode=True, max_retries=0)


def search(client, query, *, test_id, field="query"):
    client.track("u-1", "Products Searched", {field: query}, context={"test_id": test_id})


def checkout(client, order_id, total, *, test_id):
    client.track("u-1", "Order Completed", {"order_id": order_id, "total": total}, context={"test_id": test_id})
"""


@pytest.fixture
def shop(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "plans").mkdir()
    shutil.copy(CASES / "shop.yaml", pytester.path / "plans" / "shop.yaml")
    (pytester.path / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plans/shop.yaml"]\n')
    pytester.makepyfile(shop=SHOP)
    pytester.makeconftest(LOOPBACK_ONLY)
    return pytester


def write_tests(pytester: pytest.Pytester, source: str) -> None:
    pytester.makepyfile(test_shop="import pytest\nimport shop\n\n" + textwrap.dedent(source))


def test_a_conforming_call_sent_by_the_sdk_conforms(shop):
    write_tests(shop, """
        def test_search(collector):
            client = shop.client(collector.url)
            shop.search(client, "shoes", test_id=collector.test_id)
            [search] = collector.wait(1, timeout=10)
            assert (search.sdk, search.type, search.event) == ("segment", "track", "Products Searched")
            assert search.payload["context"]["library"]["name"] == "analytics-python"
            collector.assert_tracked("Products Searched", properties={"query": "shoes"}, times=1)
            collector.assert_not_tracked("Order Completed")
            collector.assert_conforms()
            assert [call.event for call in collector.events] == ["Products Searched"]
            collector.clear()
            assert collector.events == []
    """)
    shop.runpytest().assert_outcomes(passed=1)


def test_a_planted_mistake_fails_naming_code_and_path(shop):
    write_tests(shop, """
        def test_search(collector):
            shop.search(shop.client(collector.url), "shoes", field="qeury", test_id=collector.test_id)
            collector.wait(1)
            collector.assert_conforms()
    """)
    result = shop.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*1 tracking call breaks the plan *shop.yaml:",
        "*/v1/batch (message *): segment track 'Products Searched'",
        "*EV005 /properties/qeury: unplanned property 'qeury' (did you mean 'query'?)",
        "*EV003 /properties/query: required property 'query' is missing",
    ])
    result.stdout.fnmatch_lines(["*>*collector.assert_conforms()"])  # the test's failing line is shown


def test_two_tests_do_not_see_each_others_events(shop):
    write_tests(shop, """
        def test_checkout(collector):
            client = shop.client(collector.url)
            shop.checkout(client, "o-1", 10, test_id=collector.test_id)
            shop.checkout(client, "o-2", 12.5, test_id=collector.test_id)
            collector.wait(2)
            collector.assert_tracked("Order Completed", times=2)
            collector.assert_not_tracked("Products Searched")

        def test_search(collector):
            shop.search(shop.client(collector.url), "shoes", test_id=collector.test_id)
            [search] = collector.wait(1)
            assert search.event == "Products Searched"
            collector.assert_not_tracked("Order Completed")

        def test_nothing_sent(collector):
            assert collector.events == []
    """)
    shop.runpytest().assert_outcomes(passed=3)


def test_a_subprocess_sends_with_the_test_id_header(shop):
    write_tests(shop, """
        import json, subprocess, sys

        SEND = '''
        import json, sys, urllib.request
        url, headers = sys.argv[1], json.loads(sys.argv[2])
        body = json.dumps({"batch": [{"type": "track", "event": "Coupon Applied", "userId": "u-1",
                                      "properties": {"coupon": "SPRING"}}]}).encode()
        request = urllib.request.Request(url + "/v1/batch", data=body, method="POST",
                                         headers={"Content-Type": "application/json", **headers})
        urllib.request.urlopen(request, timeout=30).read()
        '''

        def test_coupon(collector):
            subprocess.run([sys.executable, "-c", SEND, collector.url, json.dumps(collector.headers)], check=True)
            collector.wait(1)
            collector.assert_tracked("Coupon Applied", properties={"coupon": "SPRING"})
            collector.assert_conforms()
    """)
    shop.runpytest().assert_outcomes(passed=1)


def test_wait_fails_saying_how_many_arrived(shop):
    write_tests(shop, """
        def test_search(collector):
            shop.search(shop.client(collector.url), "shoes", test_id=collector.test_id)
            collector.wait(2, timeout=0.2)
    """)
    result = shop.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*expected 2 events at the collector for test id 'test_shop.py::test_search#*' "
                                 "within 0.2 s; 1 arrived",
                                 "*/v1/batch (message *): segment track 'Products Searched'"])


def test_the_plan_option_and_strict_mode_leave_the_collectors_sdk_calls_sending(shop):
    (shop.path / "pyproject.toml").write_text("")  # the plan comes from the option alone
    write_tests(shop, """
        def test_search(collector):
            shop.search(shop.client(collector.url), "shoes", field="qeury", test_id=collector.test_id)
            [search] = collector.wait(1)
            assert [v.code for v in search.violations] == ["EV005", "EV003"]
    """)
    result = shop.runpytest("--protocol-kit-plan", "plans/shop.yaml", "--protocol-kit-strict")
    result.assert_outcomes(passed=1)


def test_the_marker_chooses_the_collectors_plan(shop):
    (shop.path / "pyproject.toml").write_text("")
    (shop.path / "plans" / "other.yaml").write_text(  # a plan without 'Products Searched'
        "plan: other\nversion: 1.0.0\nevents:\n  Coupon Applied:\n    description: A coupon was used.\n")
    write_tests(shop, """
        @pytest.mark.tracking_plan("plans/shop.yaml")
        def test_shop_plan(collector):
            shop.search(shop.client(collector.url), "shoes", test_id=collector.test_id)
            collector.wait(1)
            collector.assert_conforms()

        @pytest.mark.tracking_plan("plans/other.yaml")
        def test_other_plan(collector):
            shop.search(shop.client(collector.url), "shoes", test_id=collector.test_id)
            collector.wait(1)
            with pytest.raises(AssertionError, match="EV002"):
                collector.assert_conforms()

        def test_no_plan(collector):
            pass
    """)
    result = shop.runpytest()
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*no tracking plan to check the calls against*"])


def test_tracking_and_collector_in_one_test_is_an_error(shop):
    write_tests(shop, """
        def test_both(tracking, collector):
            pass
    """)
    result = shop.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*the tracking and collector fixtures cannot be used by one test*"])


def test_without_the_serve_extra_the_fixture_says_what_to_install(shop):
    shop.makeconftest(LOOPBACK_ONLY + """
import sys

@pytest.fixture(autouse=True)
def no_server(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn fails as when it is not installed
""")
    write_tests(shop, """
        def test_search(collector):
            pass
    """)
    result = shop.runpytest()
    result.assert_outcomes(errors=1)
    assert "During handling" not in result.stdout.str()
    result.stdout.fnmatch_lines(["*the collector fixture needs the collector's server (uvicorn not installed): "
                                 "pip install 'protocol-kit[[]serve[]]'"])
