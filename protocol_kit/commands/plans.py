"""Which plans a command works on: those it is given, else those of ``[tool.protocol-kit] plans``."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from protocol_kit.config import Config
from protocol_kit.errors import ConfigError
from protocol_kit.plan import Plan, load_plan


def plan_paths(given: Iterable[Path], config: Config) -> tuple[Path, ...]:
    """The plans named, else those configured; none at all is a configuration error."""
    given = tuple(given)
    if given:
        return given
    if config.plans:
        return config.plans
    raise ConfigError("no plan given: name plan files, or list them under [tool.protocol-kit] plans "
                      "in pyproject.toml")


def load_plans(plans: Iterable[Path | str | Plan], *, name: str | None = None,
               version: str | None = None, cache: Path | None = None) -> list[Plan]:
    """Plans given as objects or paths (read, with ``name`` and ``version`` replacing what a file says);
    ``cache``: the project's cache folder, where plans read are kept (see :mod:`protocol_kit.compile.cache`)."""
    if cache is None:
        return [plan if isinstance(plan, Plan) else load_plan(plan, name=name, version=version) for plan in plans]
    from protocol_kit.compile.cache import PlanCache

    kept = PlanCache(cache)
    return [plan if isinstance(plan, Plan) else kept.plan(plan, name=name, version=version) for plan in plans]
