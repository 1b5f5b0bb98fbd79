"""protocol-kit compile: plans to JSON Schemas."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN, FINDINGS
from protocol_kit.cli.options import (
    display_path, load_plans, plan_identity_options, plans_argument, refuse_plan_errors,
)
from protocol_kit.compile import check_schemas, compile_plan, write_schemas
from protocol_kit.config import load_config
from protocol_kit.errors import PlanError


@click.command("compile")
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
    out = out or config.schemas
    compiled = []
    for plan in load_plans(plans, config, name=plan_name, version=plan_version):
        refuse_plan_errors(plan)
        compiled.append(compile_plan(plan))
    _refuse_duplicate_names(compiled)
    if check:
        return _report_check(compiled, out)
    for plan in compiled:
        changes = write_schemas(plan, out)
        for change in changes:
            click.echo(f"{change.state} {display_path(change.path)}")
        click.echo(f"{plan.name}: {len(plan.schemas)} schema(s), {len(changes)} file(s) changed", err=True)
    return CLEAN


def _report_check(compiled, out: Path) -> int:
    changes = [change for plan in compiled for change in check_schemas(plan, out)]
    for change in changes:
        click.echo(f"{change.state}: {display_path(change.path)}")
    if changes:
        click.echo(f"{len(changes)} schema file(s) out of date; run `protocol-kit compile`", err=True)
        return FINDINGS
    click.echo("schemas are up to date", err=True)
    return CLEAN


def _refuse_duplicate_names(compiled) -> None:
    names = [plan.name for plan in compiled]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise PlanError(f"several plans are named {', '.join(repeated)}; each plan needs its own name "
                        "(its schemas go to a folder of that name)")


