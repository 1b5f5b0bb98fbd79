"""The plugin's settings: command-line options over ``[tool.protocol-kit.pytest]`` in pyproject.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from protocol_kit.config import TABLE, _check_keys, find_pyproject
from protocol_kit.errors import ConfigError
from protocol_kit.violation import Location

MARKER = "tracking_plan"  # @pytest.mark.tracking_plan("plans/x.yaml")
KEYS = ("plan", "strict", "coverage", "report", "pii")
PII = ("flag", "off")
SECTION = f"{TABLE}.pytest"


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


def _table(rootpath: Path) -> tuple[dict[str, Any], list[str], Path]:
    """``[tool.protocol-kit.pytest]``, the project's ``plans`` and the folder they are relative to."""
    path = find_pyproject(rootpath)
    if path is None:
        return {}, [], rootpath
    try:
        document = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise pytest.UsageError(f"{path}: not valid TOML: {error}") from None
    project = document.get("tool", {}).get("protocol-kit", {})
    table = project.get("pytest", {})
    plans = project.get("plans", [])
    plans = [plans] if isinstance(plans, str) else plans if isinstance(plans, list) else []
    try:
        _check_keys(table, KEYS, SECTION, Location(file=str(path)))
        for key in ("strict", "coverage"):
            if not isinstance(table.get(key, False), bool):
                raise ConfigError(f"[{SECTION}] {key} must be true or false", Location(file=str(path)))
        if table.get("pii", "flag") not in PII:
            raise ConfigError(f"[{SECTION}] pii must be one of {', '.join(PII)}", Location(file=str(path)))
        for key in ("plan", "report"):
            if not isinstance(table.get(key, ""), str):
                raise ConfigError(f"[{SECTION}] {key} must be a path", Location(file=str(path)))
    except ConfigError as error:
        raise pytest.UsageError(str(error)) from None
    return table, [p for p in plans if isinstance(p, str)], path.parent


def _path(value: str | None, base: Path) -> Path | None:
    return None if not value else base / value
