"""The plugin's state in one pytest process: its settings, each plan checked once, the captures, the coverage."""
from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Iterator

import pytest

from protocol_kit.errors import ProtocolKitError
from protocol_kit.pytest_plugin.checking import PlanCheck
from protocol_kit.pytest_plugin.collecting import CollectorCalls, new_test_id, started_collector
from protocol_kit.pytest_plugin.coverage import Coverage
from protocol_kit.pytest_plugin.sdks import patched
from protocol_kit.pytest_plugin.settings import MARKER, Settings
from protocol_kit.pytest_plugin.tracking import Tracking

COLLECTOR = "collector"  # the fixture
NO_PLAN = ("no tracking plan to check the calls against: pass --protocol-kit-plan PATH, set plan in "
           "[tool.protocol-kit.pytest], or mark the test with @pytest.mark.tracking_plan('plans/x.yaml')")


class Session:
    """The plugin's state for one pytest process: settings, each plan checked once, the coverage."""

    def __init__(self, config: pytest.Config, settings: Settings):
        self.config = config
        self.settings = settings
        self.checks: dict[Path, PlanCheck] = {}
        self.coverage = Coverage()
        self.running: dict[str, Tracking] = {}  # node id -> its capture, while the test runs
        self.collector_urls: dict[Path, str] = {}  # plan -> the collector checking against it
        self._collectors = ExitStack()  # stopped when the session ends
        if settings.plan is not None:
            try:
                self.check(settings.plan)
            except (ProtocolKitError, OSError) as error:
                raise pytest.UsageError(f"protocol-kit plan {settings.plan}: {error}") from None

    @property
    def reporting(self) -> bool:
        return self.settings.coverage or self.settings.report is not None

    def check(self, path: Path) -> PlanCheck:
        path = path.resolve()
        if path not in self.checks:
            self.checks[path] = PlanCheck(path, pii=self.settings.pii)
        return self.checks[path]

    def plan_of(self, item: pytest.Item) -> Path | None:
        marker = item.get_closest_marker(MARKER)
        if marker is not None:
            if len(marker.args) != 1 or not isinstance(marker.args[0], (str, Path)):
                raise pytest.UsageError(f"{item.nodeid}: @pytest.mark.{MARKER} takes one plan path")
            return self.config.rootpath / marker.args[0]
        return self.settings.fixture_plan

    def captures(self, item: pytest.Item) -> bool:
        """Whether the SDK calls of ``item`` are captured (a test with the collector fixture really sends)."""
        if COLLECTOR in getattr(item, "fixturenames", ()):
            return False
        return self.settings.plan is not None or item.get_closest_marker(MARKER) is not None

    @staticmethod
    def test_file(item: pytest.Item) -> str | None:
        function = getattr(item, "function", None)
        code = getattr(function, "__code__", None)
        return code.co_filename if code is not None else str(item.path)

    def capture(self, item: pytest.Item) -> Iterator[Tracking]:
        """Capture ``item``'s calls while the generator is suspended; then count them."""
        path = self.plan_or_fail(item)
        try:
            check = self.check(path)
        except (ProtocolKitError, OSError) as error:
            pytest.fail(f"protocol-kit plan {path}: {error}", pytrace=False)
        tracking = Tracking(check, test_file=self.test_file(item))
        self.running[item.nodeid] = tracking
        try:
            with patched(tracking.record):
                yield tracking
        finally:
            del self.running[item.nodeid]
            self.coverage.add(check, tracking.events)

    def plan_or_fail(self, item: pytest.Item) -> Path:
        path = self.plan_of(item)
        if path is None:
            pytest.fail(NO_PLAN, pytrace=False)
        return path.resolve()

    def collector(self, item: pytest.Item) -> CollectorCalls:
        """A fresh test id for ``item`` at the collector of its plan (started on first use, for the session)."""
        if "tracking" in getattr(item, "fixturenames", ()):
            pytest.fail("the tracking and collector fixtures cannot be used by one test: tracking keeps the "
                        "SDKs from sending, the collector needs what they send", pytrace=False)
        path = self.plan_or_fail(item)
        if path not in self.collector_urls:
            problem = None
            try:
                running = self._collectors.enter_context(started_collector(path, pii=self.settings.pii))
                self.collector_urls[path] = running.url
            except ImportError as error:
                problem = str(error)
            except (ProtocolKitError, OSError) as error:
                problem = f"protocol-kit plan {path}: {error}"
            if problem is not None:  # failed outside the handler: the report shows no exception chain
                pytest.fail(problem, pytrace=False)
        return CollectorCalls(self.collector_urls[path], plan=path, test_id=new_test_id(item.nodeid))

    def close(self) -> None:
        """Stop the collectors."""
        self._collectors.close()
