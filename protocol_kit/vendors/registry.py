"""Other tools' plan formats by name, each one module with ``detect``, ``read`` and ``write``; loaded lazily."""
from __future__ import annotations

import importlib
from types import ModuleType

# name -> module. Detection tries them in this order, so the more specific shapes come first.
FORMATS: dict[str, str] = {
    "segment-terraform": "protocol_kit.vendors.segment_terraform",
    "rudderstack": "protocol_kit.vendors.rudderstack",
    "mparticle": "protocol_kit.vendors.mparticle",
    "iglu": "protocol_kit.vendors.iglu",
    "mixpanel": "protocol_kit.vendors.mixpanel",
    "avo": "protocol_kit.vendors.avo",
    "opentrackplan": "protocol_kit.vendors.opentrackplan",
    "segment": "protocol_kit.vendors.segment",
}


def format_module(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])
