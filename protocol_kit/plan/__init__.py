"""Tracking plans: the model, loaders for every format, and lint."""
from typing import TYPE_CHECKING

from protocol_kit.lazy import lazy_exports

if TYPE_CHECKING:
    from protocol_kit.plan.loader import load_plan
    from protocol_kit.plan.model import Conventions, Event, Plan, Property

_EXPORTS = {
    "Conventions": "model",
    "Event": "model",
    "Plan": "model",
    "Property": "model",
    "load_plan": "loader",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = ["Conventions", "Event", "Plan", "Property", "load_plan"]
