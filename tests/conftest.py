from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from protocol_kit.cli.exit import run_cli
from protocol_kit.cli.main import cli


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys, monkeypatch):
    """Run ``protocol-kit ARGS`` in a folder; exit code, stdout and stderr."""
    def run_in(folder: Path, *args: str) -> Run:
        monkeypatch.chdir(folder)
        capsys.readouterr()
        code = run_cli(cli, list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)
    return run_in


@pytest.fixture
def project(tmp_path: Path):
    """A temporary project folder with its own pyproject.toml (no settings unless a test writes them)."""
    (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit]\n", encoding="utf-8")
    return tmp_path


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
