"""The library facade: one function per command, each taking paths or objects and one frozen options object.

Every rule a command applies lives here, so pipelines get what the CLI gets;
``protocol_kit/cli/*_cmd.py`` only turns click options into the options object,
calls the function, renders the result and returns the exit code. Each command's
module is imported on first use, so that one command does not load the others.

    >>> from protocol_kit.commands import lint, LintOptions
    >>> run = lint(["plans/ecommerce.yaml"], LintOptions())       # doctest: +SKIP
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "CodegenOptions": "codegen_command", "CodegenRun": "codegen_command", "codegen": "codegen_command",
    "CompileOptions": "compile_command", "CompileRun": "compile_command", "PlanNotCompiled": "compile_command",
    "compile_plans": "compile_command",
    "CompareOptions": "diff_command", "DiffRun": "diff_command", "ChangelogRun": "diff_command",
    "changelog": "diff_command", "diff": "diff_command",
    "DigestOptions": "digest_command", "digest": "digest_command",
    "code_list": "explain_command", "explain": "explain_command",
    "ExportOptions": "export_command", "ExportRun": "export_command", "export": "export_command",
    "ImportOptions": "import_command", "ImportRun": "import_command", "import_from": "import_command",
    "DraftOptions": "infer_command", "InferRun": "infer_command", "infer": "infer_command",
    "CollectorOptions": "serve_command", "collector_plan": "serve_command",
    "LintOptions": "lint_command", "LintRun": "lint_command", "lint": "lint_command", "lint_plan": "lint_command",
    "ScanOptions": "scan_command", "ScanRun": "scan_command", "scan": "scan_command",
    "ValidateOptions": "validate_command", "ValidateRun": "validate_command", "validate_stream": "validate_command",
    "load_plans": "plans", "plan_paths": "plans",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"protocol_kit.commands.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'protocol_kit.commands' has no attribute {name!r}")
