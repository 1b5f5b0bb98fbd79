from __future__ import annotations

from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from protocol_kit.cli.exit import run_cli
from protocol_kit.cli.main import cli


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def protocol_kit():
    """Run the CLI in-process as a user would, returning exit code, stdout and stderr."""
    def run(*args: str) -> Outcome:
        runner = CliRunner()
        box = {}
        result = runner.invoke(_wrapper(box), list(args), catch_exceptions=False)
        return Outcome(box.get("code", result.exit_code), result.stdout, result.stderr)
    return run


def _wrapper(box):
    import click

    @click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    @click.pass_context
    def entry(ctx):
        box["code"] = run_cli(cli, ctx.args)
    return entry
