from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from protocol_kit.cli.exit import run_cli
from protocol_kit.cli.main import cli

CASES = Path(__file__).parent.parent / "cases" / "scan"
PLAN = CASES / "plan.yaml"


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def protocol_kit():
    """Run the CLI in-process as a user would: exit code, stdout and stderr."""
    def run(*args: str) -> Outcome:
        box: dict[str, int] = {}

        @click.command(add_help_option=False,
                       context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
        @click.pass_context
        def entry(ctx):
            box["code"] = run_cli(cli, ctx.args)

        result = CliRunner().invoke(entry, list(args), catch_exceptions=False)
        return Outcome(box.get("code", result.exit_code), result.stdout, result.stderr)
    return run


@pytest.fixture
def plan():
    from protocol_kit.plan import load_plan
    return load_plan(PLAN)
