"""Fixtures of the SDK tests: a loopback recorder, a network guard, and the Node.js client installed by npm."""
from __future__ import annotations

import shutil
import signal
import subprocess
import threading
from pathlib import Path

import pytest

from tests.wire.recorder import LoopbackOnly, Recorder, start
from tests.wire.senders import NODE_FOLDER

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "wire"
PLAN = CASES / "plan.yaml"
SDK_TEST_SECONDS = 120  # a test whose SDK hangs fails after this long instead of holding the suite


@pytest.fixture
def loopback_only(monkeypatch):
    """Every connection or name look-up to anything but loopback fails, and fails the test."""
    guard = LoopbackOnly(monkeypatch)
    yield guard
    assert not guard.refused, f"an SDK tried to reach {sorted(set(guard.refused))}"


@pytest.fixture
def time_limit():
    """Fails the test with TimeoutError when it runs longer than SDK_TEST_SECONDS (POSIX, main thread)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimeoutError(f"an SDK test ran longer than {SDK_TEST_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(SDK_TEST_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def recorder(loopback_only, time_limit):
    """A loopback HTTP server on a free port recording every request; ``recorder.host`` is its address."""
    record = Recorder()
    server = start(record)
    record.host = f"http://127.0.0.1:{server.server_port}"
    yield record
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def node_sdk() -> Path:
    """The folder where @segment/analytics-node is installed (``npm ci`` from tests/wire/node)."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        pytest.skip("@segment/analytics-node not installed: npm or node is missing")
    if not (NODE_FOLDER / "node_modules" / "@segment" / "analytics-node").is_dir():
        try:
            done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_FOLDER, capture_output=True,
                                  text=True, timeout=300)
        except subprocess.TimeoutExpired:
            pytest.skip("@segment/analytics-node not installed: npm ci took over 300 s")
        if done.returncode != 0:
            pytest.skip(f"@segment/analytics-node not installed: npm ci failed: {done.stderr.strip()[-300:]}")
    return NODE_FOLDER
