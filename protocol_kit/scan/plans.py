"""Scanning against several plans at once (a web plan and a server plan, say)."""
from __future__ import annotations

from typing import Sequence

from protocol_kit.plan.model import Plan


def combine_plans(plans: Sequence[Plan]) -> Plan:
    """One plan whose events are those of all ``plans``; conventions and defaults of the first."""
    if len(plans) == 1:
        return plans[0]
    first = plans[0]
    seen: set[tuple[str, str]] = set()
    events = []
    for plan in plans:
        for event in plan.events:
            if (event.call, event.name) not in seen:
                seen.add((event.call, event.name))
                events.append(event)
    return Plan(name="+".join(p.name for p in plans), conventions=first.conventions,
                additional_properties=first.additional_properties, events=tuple(events),
                source=first.source)
