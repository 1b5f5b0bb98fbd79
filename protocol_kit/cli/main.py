"""The ``protocol-kit`` command group. Commands live in one module each."""
from __future__ import annotations

import importlib
import sys

import click

from protocol_kit import __version__

# name -> module defining a click command called ``command``; imported lazily
# so that ``protocol-kit lint`` does not pay for the validator or the scanner.
COMMANDS = {
    "changelog": "protocol_kit.cli.changelog_cmd",
    "compile": "protocol_kit.cli.compile_cmd",
    "diff": "protocol_kit.cli.diff_cmd",
    "digest": "protocol_kit.cli.digest_cmd",
    "explain": "protocol_kit.cli.explain_cmd",
    "export": "protocol_kit.cli.export_cmd",
    "lint": "protocol_kit.cli.lint_cmd",
    "scan": "protocol_kit.cli.scan_cmd",
    "serve": "protocol_kit.cli.serve_cmd",
    "validate": "protocol_kit.cli.validate_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        return importlib.import_module(module).command if module else None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="protocol-kit")
def cli() -> None:
    """Tracking-plan governance: compile plans to JSON Schema, lint them,
    validate events against them, find personal data and scan tracking calls.

    Exit codes: 0 clean, 1 findings at or above the failure threshold,
    2 usage, configuration or input error.
    """


def main() -> None:
    from protocol_kit.cli.exit import run_cli

    sys.exit(run_cli(cli))
