"""protocol_kit: open tracking-plan governance.

Compile tracking plans to JSON Schema, lint them, validate events against
them, find personal data, scan instrumentation code and compare plan versions.

    >>> from protocol_kit import load_plan, validate, Validator, validate_dataframe, detect_pii, diff_plans

Records every result is made of (:class:`Violation`, :class:`Location`,
:class:`EventResult`, :class:`ValidationReport`...) and the errors raised for
unusable inputs (:class:`ProtocolKitError` and its subclasses) are exported here too.
"""
__version__ = "0.1.0"

# name -> module; imported on first use so that `import protocol_kit` stays light
_EXPORTS = {
    "load_plan": "protocol_kit.validation.api",
    "validate": "protocol_kit.validation.api",
    "Validator": "protocol_kit.validation.api",
    "validate_dataframe": "protocol_kit.validation.dataframe",
    "detect_pii": "protocol_kit.pii",
    "compile_plan": "protocol_kit.compile",  # one plan to a CompiledPlan; compile_plans is the command
    "lint_plan": "protocol_kit.commands",
    "scan_paths": "protocol_kit.scan",
    "diff_plans": "protocol_kit.diff",
    "lint": "protocol_kit.commands",
    "compile_plans": "protocol_kit.commands",
    "validate_stream": "protocol_kit.commands",
    "digest": "protocol_kit.commands",
    "export": "protocol_kit.commands",
    "CodePolicy": "protocol_kit.policy",
    "best_violation": "protocol_kit.violation",
    "Violation": "protocol_kit.violation",
    "Location": "protocol_kit.violation",
    "EventRecord": "protocol_kit.events.record",
    "EventResult": "protocol_kit.validation.report",
    "ValidationReport": "protocol_kit.validation.report",
    "Summary": "protocol_kit.results",
    "Outcomes": "protocol_kit.validation.report",
    "DigestRow": "protocol_kit.results",
    "DigestBuilder": "protocol_kit.results",
    "ProtocolKitError": "protocol_kit.errors",
    "PlanError": "protocol_kit.errors",
    "ConfigError": "protocol_kit.errors",
    "InputError": "protocol_kit.errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'protocol_kit' has no attribute {name!r}")
