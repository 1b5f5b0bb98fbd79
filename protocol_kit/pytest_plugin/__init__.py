"""Check tracking calls in an application's own tests: a pytest plugin (see docs/pytest-plugin.md).

The plugin (``plugin``) is registered by the ``pytest11`` entry point and does
nothing until asked for; it imports the validation engine only then. While a test
runs, the supported SDKs (``sdks``) hand each message they built to a
:class:`Tracking` instead of sending it; each is checked against the plan
(``checking``) and counted for coverage (``coverage``).
"""
from __future__ import annotations

__all__ = ["TrackedCall", "Tracking"]


def __getattr__(name: str):
    if name in __all__:
        from protocol_kit.pytest_plugin import tracking

        return getattr(tracking, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
