"""protocol-kit codegen: typed tracking clients from the compiled plan."""
from __future__ import annotations

from pathlib import Path

import click

from protocol_kit.cli.exit import CLEAN
from protocol_kit.cli.main import short_help
from protocol_kit.cli.options import display_path, plans_argument, show_stale, showing_plan_errors
from protocol_kit.codegen import GENERATORS, MODES, Target, check_generated, generate, write_generated
from protocol_kit.codegen.target import load_targets
from protocol_kit.commands.compile_command import compilable
from protocol_kit.commands.plans import load_plans, plan_paths
from protocol_kit.config import Config, load_config
from protocol_kit.errors import ConfigError
from protocol_kit.plan import Plan, load_plan


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
    config = load_config()
    if (lang is None) != (out is None):
        raise click.UsageError("--lang and --out go together (or give neither to use the configured targets)")
    if mode is not None and lang is None:
        raise click.UsageError("--mode goes with --lang and --out; configured targets set their own 'mode'")
    targets = (Target(lang=lang, out=out, mode=mode or "development"),) if lang and out else load_targets(config)
    if not targets:
        raise ConfigError("no codegen target: give --lang and --out, or list targets under "
                          "[[tool.protocol-kit.codegen.targets]] in pyproject.toml")
    changes, stale = 0, []
    for target in targets:
        plan = _plan_for(target, plans, config)
        with showing_plan_errors():
            compiled = compilable(plan)
        generated = generate(compiled, target, description=plan.description)
        for warning in generated.warnings:
            click.echo(f"{plan.name}: {warning.event}: {warning.code} {warning.message}", err=True)
        if check:
            stale += check_generated(generated)
            continue
        for change in write_generated(generated):
            changes += 1
            click.echo(f"{change.state} {display_path(change.path)}")
    if check:
        return show_stale(stale, what="generated", command="codegen",
                          up_to_date="generated clients are up to date")
    click.echo(f"{len(targets)} target(s), {changes} file(s) changed", err=True)
    return CLEAN


def _plan_for(target: Target, given: tuple[Path, ...], config: Config) -> Plan:
    if target.plan is not None:
        plan = load_plan(target.plan)
    else:
        loaded = load_plans(plan_paths(given, config))
        if len(loaded) != 1:
            raise ConfigError(f"codegen generates a client from one plan, and {len(loaded)} are given; "
                              "name the plan (on the command line, or as the target's 'plan')")
        plan = loaded[0]
    return plan
