"""protocol-kit scan counts calls of the generated tracker methods as tracking calls of their events."""
from __future__ import annotations

import shutil

import pytest

from tests.codegen.conftest import PLANS

PYPROJECT = """
[tool.protocol-kit]
plans = ["plans/ecommerce.yaml"]

[[tool.protocol-kit.codegen.targets]]
lang = "typescript"
out = "web/analytics.ts"

[[tool.protocol-kit.codegen.targets]]
lang = "python"
out = "app/tracking.py"
"""
TS = """import { createTracker, cartViewed } from "./analytics";
const tracker = createTracker(client);
tracker.orderCompleted({ order_id: "o-1", total: 3, currency: "YEN", cupon: "X" }, { userId: "u" });
tracker.productViewed({ product_id: "p-1", price: 1 });
cartViewed({ cart_id: "c-1", cart: 1 });
"""
PY = """from app.tracking import Tracker
tracker = Tracker(client)
tracker.order_completed(order_id="o-1", total=3.0, currency="YEN", cupon="X", user_id="u", context={})
tracker.cart_viewed(cart_id="c-1", anonymous_id="a", **more)
checkout_started(order_id="o-1", currency="EUR", user_id="u")
"""


@pytest.fixture
def shop(tmp_path, run):
    (tmp_path / "plans").mkdir()
    shutil.copy(PLANS["ecommerce"], tmp_path / "plans" / "ecommerce.yaml")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    assert run(tmp_path, "codegen").code == 0
    (tmp_path / "web" / "app.ts").write_text(TS)
    (tmp_path / "app" / "views.py").write_text(PY)
    return tmp_path


def test_generated_calls_are_checked_against_their_events(shop, run):
    done = run(shop, "scan", "web", "app", "--format", "concise")
    assert done.code == 1
    assert done.out.splitlines() == [
        "app/views.py:3:52: EV006 property 'currency' should be one of 'USD', 'EUR', 'GBP', got 'YEN'",
        "app/views.py:3:68: EV005 unplanned property 'cupon' (did you mean 'coupon'?)",
        "web/app.ts:3:53: EV006 property 'currency' should be one of 'USD', 'EUR', 'GBP', got 'YEN'",
        "web/app.ts:3:70: EV005 unplanned property 'cupon' (did you mean 'coupon'?)",
        "web/app.ts:5:30: EV005 unplanned property 'cart' (did you mean 'cart_id'?)",
    ]


def test_coverage_counts_generated_calls(shop, run):
    done = run(shop, "scan", "web", "app", "--coverage")
    tracked = {line.split()[1:3][0] + " " + line.split()[2] for line in done.out.splitlines() if line.startswith("✓")}
    assert tracked == {"Order Completed", "Product Viewed", "Cart Viewed", "Checkout Started"}


def test_without_codegen_targets_the_methods_are_not_tracking_calls(shop, run):
    (shop / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plans/ecommerce.yaml"]\n')
    done = run(shop, "scan", "web", "app", "--coverage")
    assert not [line for line in done.out.splitlines() if line.startswith("✓")]


def test_the_generated_clients_are_left_out_and_would_scan_clean(shop, run):
    (shop / "web" / "app.ts").unlink()
    (shop / "app" / "views.py").unlink()
    left_out = run(shop, "scan", "web", "app", "--format", "concise")
    assert left_out.code == 0 and "Scanned 0 file(s)" in left_out.err
    (shop / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plans/ecommerce.yaml"]\n')
    scanned = run(shop, "scan", "web", "app", "--format", "concise")
    assert scanned.code == 0 and scanned.out == ""
    assert "Scanned 3 file(s)" in scanned.err
