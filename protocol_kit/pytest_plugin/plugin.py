"""The pytest plugin (entry point ``pytest11``): captures tracking calls while tests run and checks them.

Nothing happens unless asked for: a plan (``--protocol-kit-plan`` or
``[tool.protocol-kit.pytest] plan``) captures every test's calls, the
``tracking_plan`` marker captures the tests it marks, and the ``tracking``
fixture captures its test. See docs/pytest-plugin.md.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

from protocol_kit.pytest_plugin.settings import MARKER, Settings, add_options, settings_of

if TYPE_CHECKING:  # the validation engine is imported only by runs that use the plugin
    from protocol_kit.pytest_plugin.collecting import CollectorCalls
    from protocol_kit.pytest_plugin.session import Session
    from protocol_kit.pytest_plugin.tracking import Tracking

WORKER_OUTPUT = "protocol_kit_coverage"


_SETTINGS = pytest.StashKey[Settings]()
_SESSION = pytest.StashKey["Session"]()


def _session(config: pytest.Config) -> Session | None:
    """The plugin's state, made on first use; None while nothing asked for the plugin."""
    return config.stash.get(_SESSION, None)


def _start(config: pytest.Config) -> Session:
    if _SESSION not in config.stash:
        from protocol_kit.pytest_plugin.session import Session

        config.stash[_SESSION] = Session(config, config.stash[_SETTINGS])
    return config.stash[_SESSION]


def _marked(item: pytest.Item) -> bool:
    return item.get_closest_marker(MARKER) is not None


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}(path): check this test's (or module's) tracking calls against "
                                       "the plan at path (relative to the rootdir)")
    settings = config.stash[_SETTINGS] = settings_of(config)
    if settings.plan is not None:  # load the plan now: a plan that cannot be read stops the run at once
        _start(config)


@pytest.fixture
def tracking(request: pytest.FixtureRequest) -> Iterator[Tracking]:
    """The tracking calls this test made through the supported SDKs, checked against the plan; nothing is sent."""
    yield from _start(request.config).capture(request.node)


@pytest.fixture
def collector(request: pytest.FixtureRequest) -> CollectorCalls:
    """The events this test's code sent over HTTP to a collector on loopback, checked against the plan.

    One collector per plan runs for the session; each test has its own test id (send ``collector.headers``
    or put ``collector.test_id`` in ``context.test_id``). Needs ``pip install 'protocol-kit[serve]'``.
    """
    return _start(request.config).collector(request.node)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Capture the test's calls when the plan or a marker asks for it (the fixture captures its own)."""
    session = _start(item.config) if _marked(item) else _session(item.config)
    if session is None:  # the plugin was not asked for
        return (yield)
    capture = session.capture(item) if item.nodeid not in session.running and session.captures(item) else None
    if capture is not None:
        next(capture)
    try:
        result = yield
        _strict(session, item)
        return result
    finally:
        if capture is not None:
            capture.close()


def _strict(session: Session, item: pytest.Item) -> None:
    tracking = session.running.get(item.nodeid)
    if session.settings.strict and tracking is not None:
        from protocol_kit.pytest_plugin.tracking import conformance_report

        message = conformance_report(tracking)
        if message:
            pytest.fail(f"{message}\n(--protocol-kit-strict: the test made tracking calls that break the plan)",
                        pytrace=False)


def pytest_sessionfinish(session: pytest.Session) -> None:
    state = _session(session.config)
    if state is None:
        return
    state.close()
    if hasattr(session.config, "workeroutput"):  # a pytest-xdist worker: the controller merges and reports
        if state.reporting:
            session.config.workeroutput[WORKER_OUTPUT] = state.coverage.to_dict()
        return
    report = state.settings.report
    if report is not None:
        from protocol_kit.report.registry import render

        data = state.coverage.report()
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(render("junit" if report.suffix == ".xml" else "json", data), encoding="utf-8")


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """pytest-xdist: a worker finished; add its coverage to the controller's."""
    output = getattr(node, "workeroutput", {}).get(WORKER_OUTPUT)
    if output is not None:
        _start(node.config).coverage.merge(output)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    settings = config.stash[_SETTINGS]
    if hasattr(config, "workeroutput"):
        return
    state = _session(config)
    if settings.coverage:
        terminalreporter.section("protocol-kit tracking coverage")
        text = state.coverage.render_text() if state is not None else ""
        terminalreporter.write_line(text or "no tracking plan was used: no tracking call was captured")
    if settings.report is not None and state is not None:
        terminalreporter.write_line(f"protocol-kit report written to {settings.report}")
