"""The ``protocol-kit`` command group. Commands live in one module each."""
from __future__ import annotations

import importlib
import sys

import click

from protocol_kit import __version__
from protocol_kit.errors import ProtocolKitError

# name -> module defining a click command called ``command``; imported lazily
# so that ``protocol-kit lint`` does not pay for the validator or the scanner.
COMMANDS = {
    "compile": "protocol_kit.cli.compile_cmd",
    "digest": "protocol_kit.cli.digest_cmd",
    "explain": "protocol_kit.cli.explain_cmd",
    "export": "protocol_kit.cli.export_cmd",
    "lint": "protocol_kit.cli.lint_cmd",
    "scan": "protocol_kit.cli.scan_cmd",
    "validate": "protocol_kit.cli.validate_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        return importlib.import_module(module).command if module else None

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; an unexpected exception becomes an internal error (see cli/exit.py)."""
        from protocol_kit.cli.exit import InternalError, Interrupted

        try:
            return super().invoke(ctx)
        except _EXPECTED:
            raise
        except KeyboardInterrupt:
            raise Interrupted() from None
        except Exception as error:
            raise InternalError(error, show_traceback=ctx.params.get("traceback", False)) from error


# what commands raise on purpose: bad inputs (exit 2), click's own exits, a closed pipe
_EXPECTED = (ProtocolKitError, click.ClickException, click.exceptions.Exit, click.exceptions.Abort, BrokenPipeError)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="protocol-kit")
@click.option("--traceback", is_flag=True, help="On an internal error, print the traceback too "
              "(or set PROTOCOL_KIT_TRACEBACK=1).")
def cli(traceback: bool) -> None:
    """Tracking-plan governance: compile plans to JSON Schema, lint them,
    validate events against them, find personal data and scan tracking calls.

    Exit codes: 0 clean, 1 findings at or above the failure threshold,
    2 usage, configuration or input error, or an internal error; 130 interrupted.
    """


def main() -> None:
    from protocol_kit.cli.exit import run_cli

    sys.exit(run_cli(cli))
