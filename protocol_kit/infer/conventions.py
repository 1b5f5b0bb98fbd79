"""The naming conventions most observed names follow, when none are chosen."""
from __future__ import annotations

from typing import Iterable

from protocol_kit.plan import naming
from protocol_kit.plan.model import Conventions, Event
from protocol_kit.plan.walk import iter_properties

EVENT_STYLES = ("object_action_title", "title_case", "snake_case", "camelCase", "PascalCase", "kebab-case")
PROPERTY_STYLES = ("snake_case", "camelCase", "PascalCase", "kebab-case", "title_case")


def detect_conventions(events: Iterable[Event]) -> Conventions:
    events = list(events)
    event_names = [e.name for e in events if e.call == "track"]
    property_names = list(dict.fromkeys(prop.name for e in events for _, prop in iter_properties(e)
                                        if prop.name != "items"))
    defaults = Conventions()
    return Conventions(event_names=_most_followed(event_names, EVENT_STYLES) or defaults.event_names,
                       property_names=_most_followed(property_names, PROPERTY_STYLES) or defaults.property_names)


def _most_followed(names: list[str], styles: tuple[str, ...]) -> str | None:
    """The style most names follow (the first listed on a tie), or None when no name follows any."""
    scores = [(sum(naming.follows(name, style) for name in names), -index, style)
              for index, style in enumerate(styles)]
    best = max(scores)
    return best[2] if best[0] else None
