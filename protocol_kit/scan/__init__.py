"""Checking tracking calls in instrumentation code against the tracking plan.

``scan_paths`` reads JavaScript, TypeScript, Python, Swift, Kotlin, Java and
Ruby files with tree-sitter, extracts analytics SDK calls as
:class:`TrackingCall` records and returns every finding as a
:class:`~protocol_kit.violation.Violation`; ``coverage`` tells which planned
events are tracked where.
"""
from typing import TYPE_CHECKING

from protocol_kit.lazy import lazy_exports

if TYPE_CHECKING:
    from protocol_kit.scan.config import ScanConfig
    from protocol_kit.scan.model import EventName, PropertyBag, TrackingCall
    from protocol_kit.scan.scanner import ScanResult, scan_paths, scan_source

_EXPORTS = {
    "EventName": "model",
    "PropertyBag": "model",
    "ScanConfig": "config",
    "ScanResult": "scanner",
    "TrackingCall": "model",
    "scan_paths": "scanner",
    "scan_source": "scanner",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = ["EventName", "PropertyBag", "ScanConfig", "ScanResult", "TrackingCall", "scan_paths", "scan_source"]
