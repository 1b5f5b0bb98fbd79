"""protocol_kit: open tracking-plan governance.

Compile tracking plans to JSON Schema, lint them, validate events against
them, find personal data, scan instrumentation code and compare plan versions.

    >>> from protocol_kit import load_plan, validate, Validator, validate_dataframe, detect_pii, diff_plans
"""
__version__ = "0.1.0"

# name -> module; imported on first use so that `import protocol_kit` stays light
_EXPORTS = {
    "load_plan": "protocol_kit.validation.api",
    "validate": "protocol_kit.validation.api",
    "Validator": "protocol_kit.validation.api",
    "validate_dataframe": "protocol_kit.validation.dataframe",
    "detect_pii": "protocol_kit.pii",
    "compile_plan": "protocol_kit.compile",
    "lint_plan": "protocol_kit.plan.lint",
    "scan_paths": "protocol_kit.scan",
    "diff_plans": "protocol_kit.diff",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'protocol_kit' has no attribute {name!r}")
