"""Detect a plan's naming conventions from the names it uses, for plans imported from other tools."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from protocol_kit.plan.model import Conventions, Plan
from protocol_kit.plan.naming import follows
from protocol_kit.plan.walk import iter_properties

# most specific first: a name in snake_case with one word is also camelCase and kebab-case
CANDIDATES = ("object_action_title", "title_case", "snake_case", "camelCase", "PascalCase", "kebab-case")
SHARE = 0.8  # the convention most names follow, if at least this share of them do


def detect_conventions(plan: Plan) -> Plan:
    events = [e.name for e in plan.track_events]
    props = [p.name for e in plan.events for _, p in iter_properties(e) if p.name != "items"]
    return replace(plan, conventions=Conventions(event_names=_convention(events),
                                                 property_names=_convention(props)))


def _convention(names: Iterable[str]) -> str:
    names = list(names)
    if not names:
        return "any"
    best = max(CANDIDATES, key=lambda c: (sum(follows(n, c) for n in names), -CANDIDATES.index(c)))
    return best if sum(follows(n, best) for n in names) >= SHARE * len(names) else "any"
