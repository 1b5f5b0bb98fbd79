"""Exceptions for broken inputs of the tool itself (exit code 2).

Violations in events or plans are data (:class:`~protocol_kit.violation.Violation`),
never exceptions. These are for a plan that cannot be read, a bad configuration
or a missing file: something the user must fix before the tool can run.
"""
from __future__ import annotations

from protocol_kit.violation import Location


class ProtocolKitError(Exception):
    """An input of the tool is unusable. ``str()`` is the one line shown to the user."""

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class PlanError(ProtocolKitError):
    """A tracking plan cannot be read or built."""


class ConfigError(ProtocolKitError):
    """The ``[tool.protocol-kit]`` configuration is invalid."""


class InputError(ProtocolKitError):
    """An input file is missing or unreadable as a whole."""


class OptionsError(ProtocolKitError):
    """Options of a command that cannot go together (the CLI shows these as usage errors)."""


class OutputError(ProtocolKitError):
    """An output file cannot be written (full disk, missing folder, size limit), or would overwrite an input."""
