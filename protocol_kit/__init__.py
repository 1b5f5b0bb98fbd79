"""protocol_kit: open tracking-plan governance.

Compile tracking plans to JSON Schema, lint them, validate events against
them, find personal data and scan instrumentation code.
"""
__version__ = "0.1.0"
