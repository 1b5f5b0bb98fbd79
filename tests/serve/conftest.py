"""Fixtures of the collector's tests: a collector on a free loopback port, the network guard of the SDK tests."""
from __future__ import annotations

import pytest

from tests.wire.conftest import PLAN, loopback_only, node_sdk, time_limit  # noqa: F401 (fixtures)

pytest.importorskip("uvicorn", reason="uvicorn not installed: pip install -e '.[serve]'")
pytest.importorskip("starlette", reason="starlette not installed: pip install -e '.[serve]'")

from protocol_kit.serve import CollectorSettings, running_collector  # noqa: E402


@pytest.fixture
def serve(loopback_only, time_limit):
    """Collectors for the wire tests' plan: ``serve(settings)`` is a running one, stopped after the test."""
    started = []

    def start(settings: CollectorSettings = CollectorSettings()):
        context = running_collector(PLAN, settings)
        started.append(context)
        return context.__enter__()
    yield start
    for context in reversed(started):
        context.__exit__(None, None, None)


@pytest.fixture
def collector(serve):
    return serve()
