"""What a generated Python client calls to validate its payloads when protocol_kit is installed.

The client embeds its plan's compiled schemas; :class:`PayloadCheck` checks a
payload against them with the same checks as ``protocol-kit validate``
(personal data detection is left to ``validate`` and the collector). Results
are plain dicts, so that the generated module does not depend on protocol_kit's
classes.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from protocol_kit.compile import CompiledPlan, CompiledSchema
from protocol_kit.events.record import EventRecord
from protocol_kit.validation.checks import check_record
from protocol_kit.validation.schemas import PlanSchemas


class PayloadCheck:
    def __init__(self, schemas_json: str, *, plan: str, version: str | None):
        entries = json.loads(schemas_json)
        compiled = CompiledPlan(name=plan, version=version, schemas=tuple(CompiledSchema(**e) for e in entries))
        self.schemas = PlanSchemas(compiled)

    def violations(self, payload: Mapping[str, Any]) -> list[dict[str, str]]:
        """Every violation of ``payload`` (a Segment-spec call), sorted by path; none for a conforming one."""
        payload = dict(payload)
        fast = self.schemas.fast_check(payload)
        if fast is not None and fast(payload):
            return []
        return [{"code": v.code, "severity": v.severity, "event": v.event or v.event_type or "", "path": v.path,
                 "message": v.message} for v in check_record(EventRecord(payload), self.schemas)]
