"""protocol-kit compile: plans to JSON Schemas."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import (
    display_path, plan_identity_options, plans_argument, show_stale, showing_plan_errors,
)
from protocol_kit.commands.compile_command import CompileOptions, CompileRun, compile_plans
from protocol_kit.commands.plans import plan_paths
from protocol_kit.config import load_config


@click.command("compile", short_help=short_help("compile"))
@plans_argument
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the schemas (default: [tool.protocol-kit] schemas, else ./schemas).")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 listing the schema files that are missing, stale or obsolete.")
@plan_identity_options
def command(plans: tuple[Path, ...], out: Path | None, check: bool, plan_name: str | None,
            plan_version: str | None) -> int:
    """Compile tracking PLANS (YAML, xlsx, csv) to JSON Schemas.

    Writes one draft 2020-12 schema per planned event (and identify, page,
    screen, group calls) plus an index.json into OUT/<plan>/. Output is
    deterministic: the same plan always gives the same bytes, so compiled
    schemas can be committed and checked in CI with --check.
    """
    config = load_config()
    options = CompileOptions(out=out or config.schemas, check=check, plan_name=plan_name, plan_version=plan_version)
    with showing_plan_errors():
        run = compile_plans(plan_paths(plans, config), options)
    return _show_check(run) if check else _show_written(run)


def _show_written(run: CompileRun) -> int:
    for plan, changes in run.changes:
        for change in changes:
            click.echo(f"{change.state} {display_path(change.path)}")
        click.echo(f"{plan.name}: {len(plan.schemas)} schema(s), {len(changes)} file(s) changed", err=True)
    return CLEAN


def _show_check(run: CompileRun) -> int:
    changes = [change for _, plan_changes in run.changes for change in plan_changes]
    return show_stale(changes, what="schema", command="compile", up_to_date="schemas are up to date")
