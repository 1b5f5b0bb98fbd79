"""Calls of the generated ecommerce client that must pass mypy --strict."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from segment.analytics import Client  # type: ignore[import-untyped]

from tracking import OrderCompletedProperties, PostHogClient, Tracker, Violation, configure, order_refunded

seen: list[Violation] = []


def keep(violations: Sequence[Violation], payload: Mapping[str, Any]) -> None:
    seen.extend(violations)


tracker = Tracker(Client("write-key", send=False), on_violation=keep)
tracker.order_completed(order_id="o-1", total=30.0, currency="EUR", coupon=None, user_id="u-1",
                        products=[{"product_id": "p-1", "quantity": 2, "price": 15.0}],
                        context={"locale": "en-US"})
tracker.products_searched(query="shoes", anonymous_id="a-1")
tracker.order_cancelled(order_id="o-1", user_id="u-1")
tracker.identify(email="someone@example.com", plan="plus", user_id="u-1")
Tracker(PostHogClient(object()), validate=False).cart_viewed(cart_id="c-1", user_id="u-1")
configure(Client("write-key", send=False), validate=False)
order_refunded(order_id="o-1", reason="damaged", user_id="u-1")
order: OrderCompletedProperties = {"order_id": "o-1", "total": 30, "currency": "USD"}
