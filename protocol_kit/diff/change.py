"""One difference between two plans, and what it does to producers and consumers.

A :class:`Change` says what changed (a DF code and a short predicate such as
``type narrowed from number to integer``), where (event, call, version, a
JSON pointer into the payload and the place in the plan) and its impact on
two axes:

- *producer*: events that instrumentation written for the old plan sends now
  fail validation (and are blocked or quarantined where enforcement is on);
- *consumer*: warehouse models and dashboards built on the old plan can break.

The impact of each code is in :data:`IMPACT`; a few changes (a call section
added or removed, a rename) set their own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from protocol_kit import codes
from protocol_kit.violation import Location, Violation

# code -> (producer impact, consumer impact)
IMPACT: dict[str, tuple[bool, bool]] = {
    "DF001": (False, False), "DF002": (True, True), "DF003": (True, True), "DF004": (False, True),
    "DF005": (False, False), "DF006": (False, False), "DF007": (True, True),
    "DF101": (False, False), "DF102": (True, False), "DF103": (True, False), "DF104": (True, True),
    "DF105": (False, True), "DF106": (True, True), "DF107": (True, False), "DF108": (False, True),
    "DF109": (False, True), "DF110": (True, False),
    "DF201": (True, False), "DF202": (False, True), "DF203": (True, True), "DF204": (False, True),
    "DF205": (True, False), "DF206": (True, False), "DF207": (False, True), "DF208": (True, True),
    "DF209": (False, True), "DF210": (True, False),
    "DF301": (False, True), "DF302": (True, True), "DF303": (False, True),
    "DF401": (False, False), "DF402": (False, False),
}
DOCUMENTATION = frozenset(("DF401", "DF402"))


@dataclass(frozen=True, slots=True)
class Change:
    code: str
    text: str  # what changed, as a predicate: "type narrowed from number to integer"
    event: str | None = None  # the track event's name, or the call (identify...); None for common fields
    call: str | None = None  # track, identify, group, page, screen; None for common fields and the plan
    version: str | None = None  # the event version, for versioned events
    path: str = ""  # JSON pointer into the payload: /properties/products/*/price ("" for the event itself)
    old: Any = None
    new: Any = None
    source: Location | None = None  # in the new plan, or in the old one for what was removed
    producer: bool | None = None  # None: the code's impact
    consumer: bool | None = None
    severity: str | None = None  # None: the code's severity
    hint: str | None = None  # what to do instead, added to the message

    @property
    def graded(self) -> str:
        """The severity: the change's own, else its code's."""
        return self.severity or codes.get(self.code).severity

    @property
    def breaks_producers(self) -> bool:
        return IMPACT[self.code][0] if self.producer is None else self.producer

    @property
    def breaks_consumers(self) -> bool:
        return IMPACT[self.code][1] if self.consumer is None else self.consumer

    @property
    def subject(self) -> str:
        """What changed, as a reader names it: ``property 'total' of 'Order Completed'``."""
        label = field_label(self.path, in_payload_field=self.call is not None)
        owner = f"'{self.event}'" + (f" version {self.version}" if self.version else "") if self.event else ""
        if not self.path:
            if self.call in (None, "track"):
                return f"event {owner}" if self.event else "the plan"
            return f"call '{self.call}'"
        if self.call is None:
            return f"common field '{label}'"
        what = "trait" if self.path.startswith("/traits/") else "property"
        return f"{what} '{label}' of {owner if self.call == 'track' else repr(self.call)}"

    @property
    def impact(self) -> str:
        axes = [name for name, hit in (("producers", self.breaks_producers), ("consumers", self.breaks_consumers))
                if hit]
        return f"impact: {', '.join(axes)}" if axes else ""

    def violation(self) -> Violation:
        message = f"{self.subject}: {self.text}"
        if self.hint:
            message += f"; {self.hint}"
        if self.impact:
            message += f" ({self.impact})"
        extra = {"severity": self.severity} if self.severity else {}
        return Violation.of(self.code, message, event=self.event, event_type=self.call, path=self.path,
                            expected=self.new, actual=self.old, source=self.source, **extra)


def field_label(path: str, *, in_payload_field: bool = True) -> str:
    """``/properties/products/*/price`` -> ``products[].price``; ``/context/locale`` -> ``context.locale``.

    ``in_payload_field``: the path is inside an event's properties or traits, which the label leaves out.
    """
    parts = path.strip("/").split("/") if path else []
    if in_payload_field and parts and parts[0] in ("properties", "traits") and len(parts) > 1:
        parts = parts[1:]
    text = ""
    for part in parts:
        text += "[]" if part == "*" else (f".{part}" if text else part)
    return text.replace("~1", "/").replace("~0", "~")
