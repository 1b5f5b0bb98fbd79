"""Planted mistakes: each line marked below must fail mypy --strict with the error named."""
from __future__ import annotations

from tracking import Tracker


def send(tracker: Tracker) -> None:
    tracker.order_completed(order_id="o-1", total=30.0, currency="EUR", cupon="SPRING")  # misspelled property
    tracker.order_completed(order_id="o-1", total=30.0, currency="YEN")  # wrong enum value
    tracker.order_completed(order_id="o-1", currency="EUR")  # missing required property
