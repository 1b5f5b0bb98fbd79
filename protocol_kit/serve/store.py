"""The events the collector received, for the query API: a capped store, counts per test, and waiting.

The store keeps the latest ``cap`` events (the oldest are dropped from the
query API; ``--out`` keeps every one). Counts are kept per test id, so that
they stay exact whatever the cap, and a test's reset takes its events and
counts away. The run's digest (``/pk/digest``, the final reports) covers
everything received since the last full reset.
"""
from __future__ import annotations

import asyncio
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Iterable

from protocol_kit.serve.checking import OUTCOMES
from protocol_kit.serve.received import Received
from protocol_kit.validation.digest import ReportBuilder
from protocol_kit.validation.report import Outcomes, ValidationReport

DEFAULT_CAP = 10_000


@dataclass
class Tally:
    """Counts over a set of events, and their digest."""

    total: int = 0
    valid: int = 0
    by_code: Counter = field(default_factory=Counter)
    by_event: dict[str, Counter] = field(default_factory=dict)
    outcomes: Counter = field(default_factory=Counter)
    formats: Counter = field(default_factory=Counter)
    builder: ReportBuilder = field(default_factory=ReportBuilder)

    def add(self, event: Received) -> None:
        checked = event.checked
        self.total += 1
        self.valid += checked.valid
        self.by_code.update(v.code for v in checked.violations)
        counts = self.by_event.setdefault(event.event_name or "(unreadable)", Counter())
        counts["total"] += 1
        counts["valid" if checked.valid else "invalid"] += 1
        self.outcomes[checked.outcome] += 1
        if checked.format:
            self.formats[checked.format] += 1
        self.builder.add_event(list(checked.violations))

    def report(self, plan: str, mode: str) -> ValidationReport:
        o = self.outcomes
        outcomes = Outcomes(mode=mode, read=self.total, passed=o["passed"], dropped=o["dropped"],
                            quarantined=o["quarantined"], reported=o["reported"])
        return replace(self.builder.build(plan, outcomes), formats=dict(sorted(self.formats.items())))


def summary_of(tallies: Iterable[Tally], rejected: Counter) -> dict[str, Any]:
    total = valid = 0
    by_code: Counter = Counter()
    by_event: dict[str, Counter] = {}
    outcomes: Counter = Counter()
    for tally in tallies:
        outcomes.update(tally.outcomes)
        total += tally.total
        valid += tally.valid
        by_code.update(tally.by_code)
        for name, counts in tally.by_event.items():
            by_event.setdefault(name, Counter()).update(counts)
    return {"total": total, "valid": valid, "invalid": total - valid, "by_code": dict(sorted(by_code.items())),
            "by_event": {name: {"total": c["total"], "valid": c["valid"], "invalid": c["invalid"]}
                         for name, c in sorted(by_event.items())},
            "outcomes": {name: outcomes[name] for name in OUTCOMES},
            "rejected_requests": sum(rejected.values()), "rejected_by_code": dict(sorted(rejected.items()))}


class EventStore:
    """Received events by message id (the latest ``cap``), counts per test id, and waiters for new events."""

    def __init__(self, *, cap: int = DEFAULT_CAP):
        self.cap = cap
        self.events: OrderedDict[int, Received] = OrderedDict()
        self.by_message_id: dict[str, Received] = {}
        self.tallies: dict[str | None, Tally] = {}
        self.run = Tally()
        self.rejected: Counter = Counter()
        self.seq = 0
        self.dropped = 0  # events no longer in the query API because of the cap
        self._changed = asyncio.Event()

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def add(self, event: Received) -> None:
        self.events[event.seq] = event
        self.by_message_id[event.message_id] = event
        self.tallies.setdefault(event.test_id, Tally()).add(event)
        self.run.add(event)
        while len(self.events) > self.cap:
            _, old = self.events.popitem(last=False)
            self.dropped += 1
            if self.by_message_id.get(old.message_id) is old:
                del self.by_message_id[old.message_id]

    def added(self) -> None:
        """Wake every waiter: call once the events of a request are stored."""
        self._changed.set()
        self._changed = asyncio.Event()

    def reject(self, code: str) -> None:
        self.rejected[code] += 1

    def count(self, test_id: str | None = None) -> int:
        if test_id is None:
            return sum(t.total for t in self.tallies.values())
        tally = self.tallies.get(test_id)
        return tally.total if tally else 0

    def summary(self, test_id: str | None = None) -> dict[str, Any]:
        if test_id is None:
            return {**summary_of(self.tallies.values(), self.rejected), "kept": len(self.events),
                    "dropped_from_store": self.dropped}
        tallies = [self.tallies[test_id]] if test_id in self.tallies else []
        return {"test_id": test_id, **summary_of(tallies, Counter())}

    def query(self, *, event: str | None = None, valid: bool | None = None, message_id: str | None = None,
              test_id: str | None = None, since: datetime | None = None, limit: int | None = None) -> list[Received]:
        found = []
        for item in reversed(self.events.values()):  # the newest first, so that a limit keeps the latest
            if (event is not None and item.event_name != event) or (valid is not None and item.checked.valid != valid) \
                    or (message_id is not None and item.message_id != message_id) \
                    or (test_id is not None and item.test_id != test_id) \
                    or (since is not None and item.request.received_at < since):
                continue
            found.append(item)
            if limit is not None and len(found) >= limit:
                break
        return found[::-1]

    def reset(self, test_id: str | None = None) -> int:
        """Forget every event (and the run's digest), or those of ``test_id``; the number forgotten."""
        if test_id is None:
            forgotten = len(self.events)
            self.events.clear()
            self.by_message_id.clear()
            self.tallies.clear()
            self.run = Tally()
            self.rejected.clear()
            self.dropped = 0
            return forgotten
        self.tallies.pop(test_id, None)
        gone = [seq for seq, item in self.events.items() if item.test_id == test_id]
        for seq in gone:
            item = self.events.pop(seq)
            if self.by_message_id.get(item.message_id) is item:
                del self.by_message_id[item.message_id]
        return len(gone)

    async def wait(self, count: int, *, test_id: str | None, timeout: float) -> bool:
        """Wait until ``count`` events (of ``test_id``) have arrived; False when ``timeout`` s pass first."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.count(test_id) < count:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except asyncio.TimeoutError:
                return self.count(test_id) >= count
        return True
