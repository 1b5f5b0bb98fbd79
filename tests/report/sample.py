"""The one sample run every format's golden file is rendered from.

It mixes what the tools report: event violations with message ids, array
paths and hostile payload values (markup, pipes, commas, colons, newlines,
a percent sign), plan findings with file positions and a spreadsheet row,
and a finding with no file at all.
"""
from __future__ import annotations

from dataclasses import replace

from protocol_kit.report import ReportData, from_violations
from protocol_kit.violation import Location, Violation

CREATED = "2026-01-05T09:30:00Z"


def violations() -> list[Violation]:
    events = Location(file="events/2026-01-05.jsonl")
    return [
        Violation.of("EV003", "required property 'order_id' is missing", event="Order Completed",
                     event_type="track", path="/properties/order_id", expected="string",
                     source=Location(file=events.file, line=3), message_id="msg-0003"),
        Violation.of("EV004", "'quantity' is a string, the plan says integer", event="Order Completed",
                     event_type="track", path="/properties/products/0/quantity", expected="integer", actual="2",
                     source=Location(file=events.file, line=3), message_id="msg-0003"),
        Violation.of("EV004", "'quantity' is a string, the plan says integer", event="Order Completed",
                     event_type="track", path="/properties/products/1/quantity", expected="integer", actual="1",
                     source=Location(file=events.file, line=7), message_id="msg-0007"),
        Violation.of("EV003", "required property 'order_id' is missing", event="Order Completed",
                     event_type="track", path="/properties/order_id", expected="string",
                     source=Location(file=events.file, line=9), message_id="msg-0009"),
        Violation.of("EV006", "'<script>alert(1)</script>' is not one of USD | EUR, GBP: 100% wrong\nsecond line",
                     event="Order Completed", event_type="track", path="/properties/currency",
                     expected=["USD", "EUR", "GBP"], actual="<script>alert(1)</script>",
                     source=Location(file=events.file, line=12), message_id="msg-0012"),
        Violation.of("EV002", "event 'Signed Up' is not in the plan (did you mean 'Signup Completed'?)",
                     event="Signed Up", event_type="track", source=Location(file=events.file, line=15),
                     message_id="msg-0015"),
        Violation.of("PII001", "an email address in 'note'", event="Signed Up", event_type="track",
                     path="/properties/note", actual="j***@e***.com", source=Location(file=events.file, line=15),
                     message_id="msg-0015"),
        Violation.of("EV012", "'Cart Viewed' is deprecated: use 'Cart Opened'", event="Cart Viewed",
                     event_type="track", source=Location(file=events.file, line=21), message_id="msg-0021"),
        Violation.of("PL301", "event 'Cart Opened' has no description", event="Cart Opened",
                     source=Location(file="plans/shop.xlsx", sheet="Events", row=8)),
        Violation.of("PL101", "event name 'order_refunded' is not object-action in Title Case",
                     event="order_refunded", source=Location(file="plans/shop.yaml", line=40, column=3)),
        Violation.of("SC005", "file skipped: minified", source=Location()),
    ]


def report() -> ReportData:
    data = from_violations("validate", violations(), title="protocol-kit validate",
                           inputs=["events/2026-01-05.jsonl"], plan="shop", plan_version="2.1.0",
                           totals={"events": 24, "valid": 19, "invalid": 5}, max_violations=10,
                           created=CREATED)
    return replace(data, notes=("report mode: 24 read = 19 passed + 5 reported",))
