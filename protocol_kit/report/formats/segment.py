"""``segment``: each violation as a Segment-spec track event ``Violation Generated`` (JSON Lines).

The properties follow Segment Protocols' violation events, so violations can
be loaded into any analytics tool. ``messageId`` is derived from the
violation itself: the same violation always gets the same id, and a loader
that deduplicates by ``messageId`` keeps one copy when a run is repeated.
"""
from __future__ import annotations

import hashlib
from typing import Any

from protocol_kit import __version__
from protocol_kit.report.data import ReportData
from protocol_kit.report.jsontext import dumps
from protocol_kit.violation import Violation

EVENT = "Violation Generated"


def render(data: ReportData) -> str:
    return "".join(dumps(track(v, data), sort_keys=True) + "\n" for v in data.violations)


def track(v: Violation, data: ReportData) -> dict[str, Any]:
    properties = {
        "eventName": v.event, "eventType": v.event_type, "messageId": v.message_id,
        "violationType": v.kind, "violationCode": v.code, "violationName": v.name,
        "violationField": v.path, "violationDescription": v.message, "severity": v.severity,
        "location": str(v.source), "trackingPlanName": data.plan, "trackingPlanVersion": data.plan_version,
        "tool": data.tool,
    }
    return {"type": "track", "event": EVENT, "anonymousId": "protocol-kit", "messageId": message_id(v, data),
            "properties": properties, "context": {"library": {"name": "protocol-kit", "version": __version__}}}


def message_id(v: Violation, data: ReportData) -> str:
    identity = dumps([data.tool, data.plan, data.plan_version, v.to_dict()], sort_keys=True)
    return "pk-" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]
