"""The ``protocol-kit`` command group. Commands live in one module each."""
from __future__ import annotations

import importlib

import click

from protocol_kit import __version__
from protocol_kit.errors import ProtocolKitError

# name -> (module defining a click command called ``command``, the line `protocol-kit --help` shows).
# Modules are imported when their command runs, so that `protocol-kit lint` does not pay for the
# validator or the scanner, and `--help` imports none of them.
COMMANDS = {
    "changelog": ("protocol_kit.cli.changelog_cmd", "Write the changelog between two versions of a plan, as Markdown."),
    "codegen": ("protocol_kit.cli.codegen_cmd", "Generate typed tracking clients (TypeScript, Python) from the tracking plan."),
    "compile": ("protocol_kit.cli.compile_cmd", "Compile tracking plans to JSON Schemas."),
    "diff": ("protocol_kit.cli.diff_cmd", "Compare two versions of a plan and grade every change."),
    "digest": ("protocol_kit.cli.digest_cmd", "Summarise saved validation results over a time window."),
    "explain": ("protocol_kit.cli.explain_cmd", "Explain a finding code."),
    "export": ("protocol_kit.cli.export_cmd", "Write a plan as a data dictionary (xlsx, csv) or YAML."),
    "import": ("protocol_kit.cli.import_cmd", "Import a tracking plan from Segment, RudderStack, mParticle, Iglu, Mixpanel, Avo or OpenTrackPlan."),
    "infer": ("protocol_kit.cli.infer_cmd", "Infer a draft tracking plan from observed events."),
    "lint": ("protocol_kit.cli.lint_cmd", "Lint tracking plans."),
    "scan": ("protocol_kit.cli.scan_cmd", "Check tracking calls in source code against the plan."),
    "serve": ("protocol_kit.cli.serve_cmd", "Run a local collector that analytics SDKs send to, validating every event."),
    "validate": ("protocol_kit.cli.validate_cmd", "Validate events against a tracking plan."),
}


def short_help(name: str) -> str:
    """The one-line help of command ``name`` (its module's click command uses it as ``short_help``)."""
    return COMMANDS[name][1]


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context | None, name: str) -> click.Command | None:
        entry = COMMANDS.get(name)
        return importlib.import_module(entry[0]).command if entry else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the static table: no command module is imported to show it."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, short_help(name)) for name in self.list_commands(ctx)])

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
    """The command's entry before it moved to ``protocol_kit.cli:main`` (the scripts of earlier installs)."""
    from protocol_kit.cli import run, tune_garbage_collector

    tune_garbage_collector()
    run()
