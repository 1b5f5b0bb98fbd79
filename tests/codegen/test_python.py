"""The generated Python checked with the real mypy (and pyright), and run over the real analytics clients."""
from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from segment.analytics import Client

from tests.codegen.conftest import versioned_plan, write_client, write_compiled

USAGE = Path(__file__).parent / "python"
MYPY_ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<message>.*)  \[(?P<code>[a-z-]+)\]$")


def mypy(folder: Path, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(folder / ".mypy"),
                           *files], cwd=folder, capture_output=True, text=True, timeout=300)


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tracking(tmp_path):
    write_client("ecommerce", "python", tmp_path / "tracking.py")
    yield load(tmp_path / "tracking.py", "tracking_under_test")
    sys.modules.pop("tracking_under_test", None)


@pytest.fixture(scope="session")
def checked(tmp_path_factory):
    """One mypy --strict run over the clients of both plans (a module and a package) and the correct usage."""
    folder = tmp_path_factory.mktemp("python")
    write_client("ecommerce", "python", folder / "tracking.py")
    write_client("saas", "python", folder / "saas_tracking.py")
    written = write_client("saas", "python", folder / "saas_package")
    shutil.copy(USAGE / "usage_ok.py", folder)
    done = mypy(folder, "tracking.py", "saas_tracking.py", "usage_ok.py", "saas_package/__init__.py")
    return folder, written, done


def test_generated_modules_and_correct_usage_pass_mypy_strict(checked):
    folder, _, done = checked
    assert done.returncode == 0, done.stdout
    assert "Success: no issues found in 4 source files" in done.stdout


def test_generated_package_has_py_typed(checked):
    _, written, _ = checked
    assert [p.name for p in written] == ["__init__.py", "py.typed"]
    assert written[1].read_text() == ""


def test_generated_module_passes_pyright(checked, node_tools):
    folder, _, _ = checked
    done = subprocess.run([str(node_tools / ".bin" / "pyright"), "--pythonpath", sys.executable,
                           "tracking.py", "saas_tracking.py"], cwd=folder, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout
    assert "0 errors" in done.stdout


def test_planted_mistakes_fail_with_their_errors(tmp_path):
    write_client("ecommerce", "python", tmp_path / "tracking.py")
    shutil.copy(USAGE / "usage_mistakes.py", tmp_path)
    done = mypy(tmp_path, "usage_mistakes.py")
    assert done.returncode == 1
    errors = [m.groupdict() for m in map(MYPY_ERROR.match, done.stdout.splitlines()) if m]
    by_line = {int(e["line"]): e for e in errors}
    assert sorted(by_line) == [8, 9, 10], done.stdout
    assert by_line[8]["code"] == "call-arg" and 'Unexpected keyword argument "cupon"' in by_line[8]["message"]
    assert by_line[9]["code"] == "arg-type" and "Literal['YEN']" in by_line[9]["message"] \
        and "Literal['USD', 'EUR', 'GBP']" in by_line[9]["message"]
    assert by_line[10]["code"] == "call-arg" and 'Missing named argument "total"' in by_line[10]["message"]


def segment_client(url: str) -> Client:
    return Client("write-key", host=url, sync_mode=True, max_retries=0)


def test_conforming_calls_arrive_through_segment_unchanged(tracking, capture):
    tracker = tracking.Tracker(segment_client(capture.url))
    assert tracker.validating
    products = [{"product_id": "p-1", "quantity": 2, "price": 15.0}]
    tracker.order_completed(order_id="o-1", total=30.0, currency="EUR", coupon=None, products=products,
                            user_id="u-1", context={"locale": "en-US"})
    tracker.identify(email="someone@example.com", plan="plus", user_id="u-1")
    track, identify = capture.messages()
    assert track["type"] == "track" and track["event"] == "Order Completed" and track["userId"] == "u-1"
    assert track["properties"] == {"order_id": "o-1", "total": 30.0, "currency": "EUR", "coupon": None,
                                   "products": products}
    assert track["context"]["locale"] == "en-US"
    assert identify["type"] == "identify" and identify["traits"] == {"email": "someone@example.com", "plan": "plus"}


def test_a_violation_raises_with_its_code_in_strict_mode_and_nothing_is_sent(tracking, capture, monkeypatch):
    monkeypatch.setenv("PROTOCOL_KIT_STRICT", "1")
    tracker = tracking.Tracker(segment_client(capture.url))
    with pytest.raises(tracking.TrackingPlanError) as raised:
        tracker.order_completed(order_id="o-1", total=-1.0, currency="YEN", user_id="u-1",
                                context={"locale": "english"})
    found = {(v.code, v.path) for v in raised.value.violations}
    assert found == {("EV009", "/properties/total"), ("EV006", "/properties/currency"), ("EV007", "/context/locale")}
    assert capture.messages() == []


def test_outside_strict_mode_violations_warn_and_the_call_is_sent(tracking, capture, monkeypatch):
    monkeypatch.delenv("PROTOCOL_KIT_STRICT", raising=False)
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)
    tracker = tracking.Tracker(segment_client(capture.url))
    with pytest.warns(tracking.TrackingPlanWarning, match="EV004 property 'order_id' should be a string, got null"):
        tracker.order_refunded(order_id=None, user_id="u-1")  # type: ignore[arg-type]
    with pytest.warns(tracking.TrackingPlanWarning, match="EV012 event 'Order Cancelled' is deprecated"):
        tracker.order_cancelled(order_id="o-1", user_id="u-1")
    assert [m["event"] for m in capture.messages()] == ["Order Refunded", "Order Cancelled"]


def test_handler_receives_violations_and_validate_false_checks_nothing(tracking, capture):
    seen = []
    tracker = tracking.Tracker(segment_client(capture.url), on_violation=lambda v, payload: seen.append((v, payload)))
    tracker.checkout_step_completed(checkout_id="c-1", step=9, user_id="u-1")
    [(violations, payload)] = seen
    assert [(v.code, v.path) for v in violations] == [("EV009", "/properties/step")]
    assert payload["properties"] == {"checkout_id": "c-1", "step": 9}
    unchecked = tracking.Tracker(segment_client(capture.url), validate=False)
    assert not unchecked.validating
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        unchecked.checkout_step_completed(checkout_id="c-1", step=9, user_id="u-1")
    assert [m["properties"]["step"] for m in capture.messages()] == [9, 9]


def test_posthog_adapter_sends_through_the_real_posthog_client(tracking, capture):
    from posthog import Posthog

    posthog = Posthog("phc_key", host=capture.url, sync_mode=True, max_retries=0)
    tracker = tracking.Tracker(tracking.PostHogClient(posthog))
    tracker.order_completed(order_id="o-1", total=30.0, currency="EUR", user_id="u-1")
    tracker.identify(email="someone@example.com", user_id="u-1")
    events = {m["event"]: m for m in capture.messages()}
    assert events["Order Completed"]["distinct_id"] == "u-1"
    assert {k: v for k, v in events["Order Completed"]["properties"].items() if not k.startswith("$")} == {
        "order_id": "o-1", "total": 30.0, "currency": "EUR"}
    assert events["$set"]["$set"] == {"email": "someone@example.com"}


def test_module_functions_send_through_the_configured_tracker(tracking, capture):
    with pytest.raises(RuntimeError, match=r"call configure\(client\) before sending calls"):
        tracking.order_refunded(order_id="o-1", user_id="u-1")
    tracker = tracking.configure(segment_client(capture.url))
    assert tracker.validating
    tracking.order_refunded(order_id="o-1", reason="damaged", user_id="u-1")
    [message] = capture.messages()
    assert message["event"] == "Order Refunded" and message["properties"] == {"order_id": "o-1", "reason": "damaged"}


def test_each_version_of_a_versioned_event_has_its_method_and_sends_its_version(tmp_path):
    write_compiled(versioned_plan(), "python", tmp_path / "versioned.py")
    assert mypy(tmp_path, "versioned.py").returncode == 0
    module = load(tmp_path / "versioned.py", "versioned_under_test")
    sent = []

    class Recording:
        def track(self, **message):
            sent.append(message)

    tracker = module.Tracker(Recording(), validate=False)
    tracker.order_completed_v1(order_id="o-1", total=1.0, currency="EUR", user_id="u", context={"locale": "en-US"})
    tracker.order_completed_v2(order_id="o-2", total=1.0, currency="EUR", channel="web", user_id="u")
    assert [(m["properties"]["order_id"], m["context"]["protocols"]) for m in sent] == [
        ("o-1", {"event_version": "1"}), ("o-2", {"event_version": "2"})]
    assert sent[0]["context"]["locale"] == "en-US"
    assert "channel" not in module.OrderCompletedV1Properties.__annotations__
