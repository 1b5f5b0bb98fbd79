"""The plugin's settings: command-line options over ``[tool.protocol-kit.pytest]`` in pyproject.toml."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import pytest

from protocol_kit.config import load_config
from protocol_kit.errors import ConfigError

MARKER = "tracking_plan"  # @pytest.mark.tracking_plan("plans/x.yaml")


@dataclass(frozen=True, slots=True)
class Settings:
    """``plan``: checks every test's calls (None: only tests with the fixture or the marker);
    ``strict``: a test whose calls break the plan fails; ``coverage``: list the planned events no test
    exercised; ``fixture_plan``: the one plan of ``[tool.protocol-kit] plans``, which the fixture and
    the marker-less tests using it check against when no plan is given; ``report``: a JUnit (``.xml``) or JSON (``.json``) file of the calls' violations and coverage."""

    plan: Path | None = None
    fixture_plan: Path | None = None  # the plan the fixture uses without one: the project's only plan
    strict: bool = False
    coverage: bool = False
    report: Path | None = None
    pii: str = "flag"  # undeclared personal data in calls is PII001 (flag), or not looked for (off)


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("protocol-kit", "check tracking calls against a tracking plan")
    group.addoption("--protocol-kit-plan", metavar="PATH", default=None,
                    help="capture every test's tracking calls and check them against this plan")
    group.addoption("--protocol-kit-strict", action="store_true", default=None,
                    help="fail each test whose tracking calls break the plan")
    group.addoption("--protocol-kit-coverage", action="store_true", default=None,
                    help="list the planned events no test exercised, and unplanned events sent")
    group.addoption("--protocol-kit-report", metavar="PATH", default=None,
                    help="write the calls' violations and coverage as JUnit XML (.xml) or JSON (.json)")


def settings_of(config: pytest.Config) -> Settings:
    """The options given, over the project's ``[tool.protocol-kit.pytest]`` (paths relative to its folder)."""
    table, project_plans, root = _table(config.rootpath)
    option = config.getoption
    plan = _path(option("--protocol-kit-plan"), Path(config.invocation_params.dir)) or _path(table.get("plan"), root)
    report = _path(option("--protocol-kit-report"), Path(config.invocation_params.dir)) \
        or _path(table.get("report"), root)
    if report is not None and report.suffix not in (".xml", ".json"):
        raise pytest.UsageError(f"--protocol-kit-report {report}: expected a .xml (JUnit) or .json file")
    strict = option("--protocol-kit-strict") or table.get("strict", False)
    coverage = option("--protocol-kit-coverage") or table.get("coverage", False)
    fixture_plan = plan or (_path(project_plans[0], root) if len(project_plans) == 1 else None)
    return Settings(plan=plan, fixture_plan=fixture_plan, strict=bool(strict), coverage=bool(coverage),
                    report=report, pii=table.get("pii", "flag"))


def _table(rootpath: Path) -> tuple[Mapping[str, Any], list[str], Path]:
    """``[tool.protocol-kit.pytest]``, the project's ``plans`` and the folder they are relative to.

    The table is read and checked with the rest of the configuration (``protocol_kit/config.schema.json``).
    """
    try:
        config = load_config(rootpath)
    except ConfigError as error:
        raise pytest.UsageError(str(error)) from None
    plans = [str(plan.relative_to(config.root)) for plan in config.plans]
    return config.section("pytest"), plans, config.root


def _path(value: str | None, base: Path) -> Path | None:
    return None if not value else base / value
