"""Options and helpers shared by several commands."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.config import Config, load_config
from protocol_kit.errors import ConfigError, PlanError
from protocol_kit.plan import Plan, load_plan


def plans_argument(func):
    return click.argument("plans", nargs=-1, type=click.Path(path_type=Path))(func)


def plan_identity_options(func):
    """``--plan-name`` and ``--plan-version``: for plans that do not say (a csv plan without its sidecar)."""
    func = click.option("--plan-version", metavar="VERSION",
                        help="The plan's version, replacing what the plan file says.")(func)
    return click.option("--plan-name", metavar="NAME",
                        help="The plan's name, replacing what the plan file says (default for csv and xlsx "
                             "plans without one: the file name).")(func)


def resolve_plan_paths(given: tuple[Path, ...], config: Config) -> tuple[Path, ...]:
    """The plans named on the command line, else those of ``[tool.protocol-kit] plans``."""
    if given:
        return given
    if config.plans:
        return config.plans
    raise ConfigError("no plan given: name plan files, or list them under [tool.protocol-kit] plans "
                      "in pyproject.toml")


def load_plans(given: tuple[Path, ...], config: Config | None = None, *,
               name: str | None = None, version: str | None = None) -> list[Plan]:
    config = config or load_config()
    return [load_plan(path, name=name, version=version) for path in resolve_plan_paths(given, config)]


def display_path(path: Path | str) -> str:
    """A path relative to the working directory when it is inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def refuse_plan_errors(plan: Plan) -> None:
    """Stop with the plan's errors (see ``protocol-kit lint``): nothing is made from a broken plan."""
    errors = [f for f in plan.findings if f.severity == "error"]
    if errors:
        for finding in errors:
            click.echo(f"{finding.source}: {finding.code} {finding.message}", err=True)
        raise PlanError(f"{len(errors)} error(s) in the plan; nothing compiled (see `protocol-kit lint`)")
