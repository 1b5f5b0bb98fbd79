"""Fixtures of the collector's tests: a collector on a free loopback port, the network guard of the SDK tests."""
from __future__ import annotations

import importlib.util

import pytest

from protocol_kit.serve import CollectorSettings, running_collector
from tests.wire.conftest import PLAN, loopback_only, node_sdk, time_limit  # noqa: F401 (fixtures)

MISSING = [name for name in ("starlette", "uvicorn") if importlib.util.find_spec(name) is None]


@pytest.fixture(autouse=True)
def server_installed():
    if MISSING:
        pytest.skip(f"{', '.join(MISSING)} not installed: pip install -e '.[serve]'")


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
