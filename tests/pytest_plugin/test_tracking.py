"""The Tracking object on its own: calls captured from a real SDK client, matching, and the best-first rule."""
from __future__ import annotations

from pathlib import Path

import pytest

from protocol_kit.pytest_plugin.checking import PlanCheck, best_first
from protocol_kit.pytest_plugin.sdks import patched
from protocol_kit.pytest_plugin.tracking import Tracking
from protocol_kit.violation import Violation

PLAN = Path(__file__).resolve().parents[1] / "cases" / "wire" / "plan.yaml"

segment = pytest.importorskip("segment.analytics", reason="not installed: segment-analytics-python")


@pytest.fixture
def captured():
    tracking = Tracking(PlanCheck(PLAN), test_file=__file__)
    client = segment.Client("wk", host="http://127.0.0.1:9", sync_mode=True)
    with patched(tracking.record):
        client.track("u-1", "Order Completed", {"order_id": "o-1", "total": 2, "products": [
            {"product_id": "p-1", "quantity": 1, "price": 2.0}]})
        client.identify("u-1", {"email": "ada@example.com", "plan": "plus"})
    return tracking


def test_every_call_is_a_record_with_its_sdk_and_lines(captured):
    order, identify = captured.events
    assert (order.sdk, order.type, order.event) == ("segment", "track", "Order Completed")
    assert (identify.type, identify.event, dict(identify.traits)) == (
        "identify", None, {"email": "ada@example.com", "plan": "plus"})
    assert order.location == order.test_location and order.location.file.endswith("test_tracking.py")
    assert order.payload["context"]["library"]["name"] == "analytics-python"  # the SDK's own message


def test_properties_match_partially_inside_objects_and_by_json_type(captured):
    captured.assert_tracked("Order Completed", properties={"order_id": "o-1"}, times=1)
    captured.assert_tracked("Order Completed", properties={"total": 2.0})  # 2 and 2.0 are one JSON number
    with pytest.raises(AssertionError, match="no such call was made"):
        captured.assert_tracked("Order Completed", properties={"total": True})
    with pytest.raises(AssertionError, match="no such call was made"):
        captured.assert_tracked("Order Completed", properties={"products": {"product_id": "p-1"}})
    with pytest.raises(AssertionError, match=r"events tracked: 'Order Completed' \(did you mean 'Order Completed'\?\)"):
        captured.assert_tracked("Order Complete")


def test_assert_not_tracked_says_where(captured):
    with pytest.raises(AssertionError, match=r"expected 'Order Completed' not to be tracked; it was tracked 1 time\n"
                                             r"  .*test_tracking.py:\d+: segment track 'Order Completed'"):
        captured.assert_not_tracked("Order Completed")
    captured.clear()
    captured.assert_not_tracked("Order Completed")


def test_best_first_puts_errors_then_whole_event_findings_then_deeper_paths():
    def finding(code, severity, path):
        return Violation(code=code, kind="k", severity=severity, message="m", path=path)
    found = [finding("PII001", "warning", "/properties/q"), finding("EV004", "error", "/properties/a"),
             finding("EV004", "error", "/properties/products/0/price"), finding("EV002", "error", "")]
    assert [(v.code, v.path) for v in sorted(found, key=best_first)] == [
        ("EV002", ""), ("EV004", "/properties/products/0/price"), ("EV004", "/properties/a"),
        ("PII001", "/properties/q")]


def test_a_message_the_sdk_would_send_as_invalid_json_is_a_violation_not_an_error_in_the_application():
    tracking = Tracking(PlanCheck(PLAN), test_file=__file__)
    client = segment.Client("wk", host="http://127.0.0.1:9", sync_mode=True)
    with patched(tracking.record):  # keys that are not strings: the SDK's json module writes them, and NaN
        client.track("u-1", "Order Completed", {"order_id": "o-1", 1: float("nan")})
    [call] = tracking.events
    assert [(v.code, v.message.split(":")[0]) for v in call.violations] == [("EV001", "unreadable body")]
    assert call.location.file.endswith("test_tracking.py")
