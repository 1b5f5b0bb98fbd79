"""The library facade: one function per command, each taking paths or objects and one frozen options object.

Every rule a command applies lives here, so pipelines get what the CLI gets;
``protocol_kit/cli/*_cmd.py`` only turns click options into the options object,
calls the function, renders the result and returns the exit code.

    >>> from protocol_kit.commands import lint, LintOptions
    >>> run = lint(["plans/ecommerce.yaml"], LintOptions())       # doctest: +SKIP
"""
from protocol_kit.commands.compile import CompileOptions, CompileRun, PlanNotCompiled, compile_plans
from protocol_kit.commands.digest import DigestOptions, digest
from protocol_kit.commands.export import ExportOptions, export
from protocol_kit.commands.lint import LintOptions, LintRun, lint
from protocol_kit.commands.plans import load_plans, plan_paths
from protocol_kit.commands.scan import ScanOptions, ScanRun, scan
from protocol_kit.commands.validate import ValidateOptions, ValidateRun, validate_stream

__all__ = ["CompileOptions", "CompileRun", "DigestOptions", "ExportOptions", "LintOptions", "LintRun", "PlanNotCompiled",
           "ScanOptions", "ScanRun", "ValidateOptions", "ValidateRun", "compile_plans", "digest", "export", "lint",
           "load_plans", "plan_paths", "scan", "validate_stream"]
