"""The plugin run by pytester on a small shop application, once per real SDK (tests/cases/pytest_plugin/apps)."""
from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

import protocol_kit.pytest_plugin.session  # noqa: F401
import protocol_kit.report.formats.json  # noqa: F401
import protocol_kit.report.formats.junit  # noqa: F401
from protocol_kit.pytest_plugin.checking import PlanCheck

pytest_plugins = ["pytester"]

CASES = Path(__file__).resolve().parents[1] / "cases" / "pytest_plugin"
# pytester's in-process runs drop the modules they imported, and some do not survive being imported again
# in the same process (PyYAML's C loader; http.cookiejar, whose classes requests checks later in other
# tests): what a plan load and the SDKs need is loaded here, once, for every run
PlanCheck(CASES / "shop.yaml")
APPS = sorted(path.stem for path in (CASES / "apps").glob("*.py"))
MODULES = {"segment_module": "segment.analytics", "segment_client": "segment.analytics",
           "rudderstack_app": "rudderstack.analytics", "posthog_app": "posthog", "mixpanel_app": "mixpanel",
           "amplitude_app": "amplitude"}
for _sdk in MODULES.values():
    try:
        __import__(_sdk)
    except ImportError:  # its tests are skipped
        pass


# nothing is sent: a test that opened a socket would fail (and the apps point at a closed loopback port)
NO_NETWORK = """
import socket
import pytest

@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(self, *args):
        raise AssertionError(f"a socket was opened: {args}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
"""


@pytest.fixture(params=APPS)
def shop(request, pytester: pytest.Pytester) -> pytest.Pytester:
    """A project: ``shop.py`` tracking with one SDK, and the plan ``plans/shop.yaml``."""
    pytest.importorskip(MODULES[request.param], reason=f"not installed: {MODULES[request.param]}")
    shutil.copy(CASES / "apps" / f"{request.param}.py", pytester.path / "shop.py")
    (pytester.path / "plans").mkdir()
    shutil.copy(CASES / "shop.yaml", pytester.path / "plans" / "shop.yaml")
    (pytester.path / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plans/shop.yaml"]\n')
    pytester.makeconftest(NO_NETWORK)
    return pytester


def write_tests(pytester: pytest.Pytester, source: str) -> None:
    pytester.makepyfile(test_shop="import pytest\nimport shop\n\n" + textwrap.dedent(source))


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_conforming_calls_pass(shop):
    write_tests(shop, """
        def test_search(tracking):
            shop.search("shoes")
            shop.checkout("o-1", 25.5)
            tracking.assert_tracked("Products Searched", properties={"query": "shoes"}, times=1)
            tracking.assert_tracked("Order Completed", properties={"order_id": "o-1"})
            tracking.assert_not_tracked("Coupon Applied")
            tracking.assert_conforms()
            [search, order] = tracking.events
            assert (search.type, search.event, dict(search.properties)) == ("track", "Products Searched", {"query": "shoes"})
            assert search.violations == () and order.properties["total"] == 25.5
            assert search.sdk in ("segment", "rudderstack", "posthog", "mixpanel", "amplitude")
            assert search.test_location.file == "test_shop.py" and search.location.file == "shop.py"
            tracking.clear()
            assert tracking.events == []
    """)
    shop.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_a_misspelled_property_fails_pointing_at_the_application_line(shop):
    write_tests(shop, """
        def test_search(tracking):
            shop.search("shoes", field="qeury")
            tracking.assert_conforms()
    """)
    result = shop.runpytest()
    result.assert_outcomes(failed=1)
    line = line_of(shop.path / "shop.py", "Products Searched")
    test_line = line_of(shop.path / "test_shop.py", 'shop.search("shoes", field="qeury")')
    result.stdout.fnmatch_lines([
        "*1 tracking call breaks the plan *shop.yaml:",
        f"*shop.py:{line} (test test_shop.py:{test_line}): * track 'Products Searched'",
        "*EV005 /properties/qeury: unplanned property 'qeury' (did you mean 'query'?)",
        "*EV003 /properties/query: required property 'query' is missing",
    ])


def test_assert_tracked_says_what_was_tracked_instead(shop):
    write_tests(shop, """
        def test_search(tracking):
            shop.search("shoes")
            shop.search("boots")
            tracking.assert_tracked("Products Searched", properties={"query": "shoes"}, times=2)
    """)
    result = shop.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*expected 'Products Searched' with properties {'query': 'shoes'} to be tracked 2 times; "
        "it was tracked 1 time",
        "*shop.py:*: * track 'Products Searched' with properties {'query': 'boots'}",
    ])


def test_strict_mode_fails_a_test_without_assertions(shop):
    write_tests(shop, """
        def test_search():
            shop.search("shoes", field="qeury")

        def test_checkout():
            shop.checkout("o-1", 10)
    """)
    result = shop.runpytest("--protocol-kit-plan", "plans/shop.yaml", "--protocol-kit-strict")
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines(["*test_search*", "*EV005 /properties/qeury*", "*--protocol-kit-strict*"])


def test_strict_mode_from_the_config_and_the_marker(shop):
    (shop.path / "pyproject.toml").write_text("[tool.protocol-kit.pytest]\nstrict = true\n")  # no project plan
    write_tests(shop, """
        pytestmark = pytest.mark.tracking_plan("plans/shop.yaml")

        def test_search():
            shop.search("shoes", field="qeury")
    """)
    shop.runpytest().assert_outcomes(failed=1)


def test_coverage_lists_the_planned_events_no_test_exercised(shop):
    (shop.path / "pyproject.toml").write_text(
        '[tool.protocol-kit.pytest]\nplan = "plans/shop.yaml"\ncoverage = true\nreport = "out/tracking.xml"\n')
    write_tests(shop, """
        def test_search():
            shop.search("shoes")

        def test_typo():
            shop.search("x", field="q")
    """)
    result = shop.runpytest()
    result.assert_outcomes(passed=2)
    line = line_of(shop.path / "shop.py", "Products Searched")
    result.stdout.fnmatch_lines([
        "*protocol-kit tracking coverage*",
        "tracking coverage of *shop.yaml:",
        f"✓ Products Searched  shop.py:{line}",
        "✗ Order Completed    never tracked",
        "✗ Coupon Applied     never tracked",
        "1 of 3 planned events tracked; 2 missing.",
    ])
    junit = (shop.path / "out" / "tracking.xml").read_text()
    assert 'name="Order Completed"' in junit and "SC006" in junit and "EV005" in junit


def test_unplanned_events_are_listed(pytester):
    pytest.importorskip("segment.analytics", reason="not installed: segment-analytics-python")
    (pytester.path / "plans").mkdir()
    shutil.copy(CASES / "shop.yaml", pytester.path / "plans" / "shop.yaml")
    pytester.makepyfile(test_x="""
        from segment.analytics import Client

        def test_unplanned():
            Client("wk", host="http://127.0.0.1:9").track("u-1", "Wishlist Shared", {})
    """)
    result = pytester.runpytest("--protocol-kit-plan", "plans/shop.yaml", "--protocol-kit-coverage",
                                "--protocol-kit-report", "tracking.json")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["1 unplanned event sent:", "! Wishlist Shared  test_x.py:4"])
    report = json.loads((pytester.path / "tracking.json").read_text())
    assert {v["code"] for v in report["violations"]} == {"EV002", "SC006"}


@pytest.mark.parametrize("shop", ["segment_client"], indirect=True)  # the merging, not the SDK, is tested
def test_xdist_workers_capture_and_coverage_is_merged(shop):
    pytest.importorskip("xdist", reason="not installed: pytest-xdist")
    write_tests(shop, """
        def test_search():
            shop.search("shoes")

        def test_checkout():
            shop.checkout("o-1", 10)

        def test_typo():
            shop.search("x", field="qeury")
    """)
    result = shop.runpytest_subprocess("-p", "xdist", "-n", "2", "--protocol-kit-plan", "plans/shop.yaml",
                                       "--protocol-kit-strict", "--protocol-kit-coverage")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*EV005 /properties/qeury*", "2 of 3 planned events tracked; 1 missing."])


def test_a_run_without_the_plugins_options_is_unchanged(pytester):
    pytest.importorskip("segment.analytics", reason="not installed: segment-analytics-python")
    pytester.makepyfile(test_x="""
        from segment.analytics import Client, client

        def test_untouched():
            assert client.Client._enqueue.__module__ == "segment.analytics.client"
            queued, message = Client("wk", send=False).track("u-1", "Anything At All", {"x": 1})
            assert queued and message["event"] == "Anything At All"
    """)
    result = pytester.runpytest("--protocol-kit-coverage")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*no tracking plan was used*"])
    plain = pytester.runpytest()
    plain.assert_outcomes(passed=1)
    assert "tracking coverage" not in plain.stdout.str() and "tracking plan" not in plain.stdout.str()


def test_the_fixture_without_a_plan_says_how_to_give_one(pytester):
    pytester.makepyfile(test_x="""
        def test_needs_plan(tracking):
            pass
    """)
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*no tracking plan to check the calls against: pass --protocol-kit-plan PATH*"])


def test_a_plan_that_cannot_be_read_stops_the_run(pytester):
    pytester.makepyfile(test_x="def test_nothing():\n    pass\n")
    result = pytester.runpytest("--protocol-kit-plan", "missing.yaml")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*protocol-kit plan *missing.yaml*"])


def test_a_plan_whose_schemas_cannot_be_used_stops_the_run_before_any_call(pytester):
    (pytester.path / "plan.yaml").write_text(
        "plan: shop\nevents:\n  Coupon Applied:\n    description: A coupon.\n    properties:\n"
        "      coupon: {type: string, pattern: \"^(?!FREE).*$\", description: Needs a backtracking engine.}\n")
    pytester.makepyfile(test_x="def test_nothing():\n    pass\n")
    result = pytester.runpytest("--protocol-kit-plan", "plan.yaml")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*protocol-kit plan *plan.yaml*schema of 'Coupon Applied' is not usable*"])


def test_an_unknown_config_key_is_a_usage_error(pytester):
    (pytester.path / "pyproject.toml").write_text("[tool.protocol-kit.pytest]\nstrcit = true\n")
    pytester.makepyfile(test_x="def test_nothing():\n    pass\n")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*unknown key 'strcit' in [[]tool.protocol-kit.pytest[]] (did you mean 'strict'?)*"])
