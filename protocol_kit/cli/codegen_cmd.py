"""protocol-kit codegen: typed tracking clients from the compiled plan."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import display_path, plans_argument, show_stale, showing_plan_errors, usage_errors
from protocol_kit.commands.codegen_command import GENERATORS, MODES, CodegenOptions, generate_targets
from protocol_kit.config import load_config


@click.command("codegen", short_help=short_help("codegen"))
@plans_argument
@click.option("--lang", type=click.Choice(sorted(GENERATORS)), help="Language of the client to generate.")
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="The module to write (analytics.ts, tracking.py) or a folder for a package.")
@click.option("--mode", type=click.Choice(MODES), default=None,
              help="development (default): calls are validated before they are sent; production: no validation code.")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 listing the generated files that are missing or stale.")
def command(plans: tuple[Path, ...], lang: str | None, out: Path | None, mode: str | None, check: bool) -> int:
    """Generate typed tracking clients (TypeScript, Python) from the tracking plan.

    With --lang and --out, generates one client from PLANS (one plan);
    without, generates every target listed under
    [[tool.protocol-kit.codegen.targets]] in pyproject.toml. Output is
    deterministic, and each file's header names the plan, its version and a
    digest of its compiled schemas, so generated clients can be committed
    and checked in CI with --check.

    \b
    Examples:
      protocol-kit codegen plans/shop.yaml --lang typescript --out web/src/analytics.ts
      protocol-kit codegen --check
    """
    with usage_errors():
        options = CodegenOptions.configured(load_config(), lang=lang, out=out, mode=mode, check=check)
    changes, stale = 0, []
    with showing_plan_errors():
        for run in generate_targets(plans, options):
            for warning in run.generated.warnings:
                click.echo(f"{run.plan.name}: {warning.event}: {warning.code} {warning.message}", err=True)
            if check:
                stale += run.changes
                continue
            for change in run.changes:
                changes += 1
                click.echo(f"{change.state} {display_path(change.path)}")
    if check:
        return show_stale(stale, what="generated", command="codegen",
                          up_to_date="generated clients are up to date")
    click.echo(f"{len(options.targets)} target(s), {changes} file(s) changed", err=True)
    return CLEAN
