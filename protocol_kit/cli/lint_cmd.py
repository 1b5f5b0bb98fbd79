"""protocol-kit lint: check tracking plans themselves."""
from __future__ import annotations

import json
from pathlib import Path

import click

from protocol_kit.cli.exit import FAIL_ON_CHOICES, exit_code_for
from protocol_kit.cli.options import plan_identity_options, load_plans, plans_argument
from protocol_kit.config import load_config
from protocol_kit.plan.lint import lint_plans


@click.command("lint")
@plans_argument
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@plan_identity_options
def command(plans: tuple[Path, ...], output_format: str, fail_on: str, plan_name: str | None,
            plan_version: str | None) -> int:
    """Lint tracking PLANS (YAML, xlsx, csv): naming conventions, duplicate
    and near-duplicate events, conflicting property types, missing
    descriptions, contradictions and unknown or duplicate keys.

    Each finding has a stable code (see `protocol-kit explain CODE`); select,
    ignore and re-grade codes under [tool.protocol-kit.lint] in pyproject.toml.
    """
    config = load_config()
    findings = lint_plans(load_plans(plans, config, name=plan_name, version=plan_version), config=config.lint)
    if output_format == "json":
        click.echo(json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(f"{finding.source}: {finding.code} [{finding.severity}] {finding.message}")
        click.echo(_summary(findings), err=True)
    return exit_code_for(findings, fail_on)


def _summary(findings) -> str:
    if not findings:
        return "no findings"
    by_severity = {}
    for f in findings:
        by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
    return f"{len(findings)} finding(s): " + ", ".join(f"{n} {s}" for s, n in sorted(by_severity.items()))
