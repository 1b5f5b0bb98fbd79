"""Tracking plans: the model, loaders for every format, and lint."""
from protocol_kit.plan.loader import load_plan
from protocol_kit.plan.model import Conventions, Event, Plan, Property

__all__ = ["Conventions", "Event", "Plan", "Property", "load_plan"]
