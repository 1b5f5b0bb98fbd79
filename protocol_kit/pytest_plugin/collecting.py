"""The ``collector`` fixture's object: a collector on a free loopback port and what arrived for one test.

One collector runs per plan per pytest process (:func:`started_collector`, kept by the session); each test
gets a fresh test id, and everything it reads (``wait``, ``events``) or forgets (``clear``) is that test id's
events, read over the collector's own query API (docs/serve.md).
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from protocol_kit.pytest_plugin.arrived import arrived_call
from protocol_kit.pytest_plugin.tracking import Calls, TrackedCall

TEST_ID_HEADER = "X-Test-Id"  # as the collector reads it (protocol_kit.serve.collector)
NOT_INSTALLED = "the collector fixture needs the collector's server ({missing} not installed): " \
                "pip install 'protocol-kit[serve]'"
QUERY_SECONDS = 30  # an answer of the query API takes longer than this only when the collector is stuck


def started_collector(plan: Path, *, pii: str) -> AbstractContextManager:
    """``running_collector`` for ``plan``; ImportError naming the extra when its server is not installed."""
    missing = []
    for name in ("starlette", "uvicorn"):
        try:
            __import__(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise ImportError(NOT_INSTALLED.format(missing=" and ".join(missing)))
    from protocol_kit.serve import Checks, CollectorSettings, running_collector

    return running_collector(plan, CollectorSettings(checks=Checks(pii=pii)))


def new_test_id(nodeid: str) -> str:
    """A test id no other test of any run shares: the test's node id (as header-safe text) and a random part."""
    name = re.sub(r"[^A-Za-z0-9._:/\[\]-]+", "_", nodeid)[-100:]
    return f"{name}#{uuid.uuid4().hex[:12]}"


class CollectorCalls(Calls):
    """What arrived at the collector at ``url`` for ``test_id``, checked against ``plan``.

    Send with ``headers`` (the test id header), or put ``test_id`` in the event's ``context.test_id``.
    """

    def __init__(self, url: str, *, plan: Path, test_id: str):
        self.url = url
        self.plan = plan
        self.test_id = test_id

    @property
    def headers(self) -> dict[str, str]:
        """The header that files a request's events under this test."""
        return {TEST_ID_HEADER: self.test_id}

    @property
    def events(self) -> list[TrackedCall]:
        """Every event that arrived for this test so far, in arrival order."""
        return [arrived_call(record) for record in self._query("GET", "/pk/events")[1]["events"]]

    def wait(self, count: int = 1, *, timeout: float = 10.0) -> list[TrackedCall]:
        """Wait until ``count`` events arrived for this test (fails after ``timeout`` s); the events."""
        __tracebackhide__ = True  # pytest shows the test's line, not this one
        status, body = self._query("GET", "/pk/wait", count=count, timeout=timeout)
        calls = [arrived_call(record) for record in body["events"]]
        if status == 408:
            labels = "".join(f"\n  {call.where()}: {call.label}" for call in calls)
            raise AssertionError(f"expected {count} event{'s' if count != 1 else ''} at the collector for test id "
                                 f"{self.test_id!r} within {timeout:g} s; {body['arrived']} arrived{labels}")
        return calls

    def clear(self) -> None:
        """Forget the events that arrived for this test so far (and their counts)."""
        self._query("POST", "/pk/reset")

    def _query(self, method: str, path: str, **params: Any) -> tuple[int, Any]:
        query = urllib.parse.urlencode({"test_id": self.test_id, **params})
        request = urllib.request.Request(f"{self.url}{path}?{query}", method=method)
        wait = float(params.get("timeout", 0))
        try:
            with urllib.request.urlopen(request, timeout=QUERY_SECONDS + wait) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as error:
            if error.code != 408:
                raise
            return error.code, json.load(error)
