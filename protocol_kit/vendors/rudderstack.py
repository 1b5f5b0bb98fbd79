"""RudderStack tracking plans: rudder-cli YAML projects (``rudder/v1`` and the legacy ``rudder/0.1``), and
tracking plan JSON (Data Catalog API records, RudderTyper's plan.json)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from protocol_kit.errors import InputError
from protocol_kit.plan.model import Plan
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.vendors import rudderstack_yaml
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import with_conventions
from protocol_kit.vendors.jsonschema_in import SchemaReader
from protocol_kit.vendors.payload_schema import event_from_schema

CALLS = ("track", "identify", "page", "screen", "group")


def detect(document: RawPlan) -> bool:
    return rudderstack_yaml.detect(document) or _is_json_plan(document.data)


def _is_json_plan(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    events = data.get("events")
    if isinstance(data.get("rules"), dict):
        events = data["rules"].get("events")
    return isinstance(events, list) and ("creationType" in data or str(data.get("id", "")).startswith("tp_")
                                         and "rules" not in data or any(
        isinstance(e, dict) and ("eventType" in e or str(e.get("id", "")).startswith("ev_")) for e in events))


def read(documents: list[RawPlan], findings: Findings, *, select: str | None = None, **_: Any) -> Plan:
    specs = [d for d in documents if rudderstack_yaml.detect(d)]
    if specs:
        for other in documents:
            if other not in specs:
                findings.add("IM002", "not a rudder-cli spec (no `version: rudder/...` and `kind:`): skipped", other)
        return rudderstack_yaml.read(specs, findings, select=select)
    plans = [d for d in documents if _is_json_plan(d.data)]
    if select is not None:
        plans = [d for d in plans if select in (d.data.get("name"), d.data.get("id"), d.data.get("externalId"))]
    if len(plans) != 1:
        raise InputError(f"expected one RudderStack tracking plan, found {len(plans)}"
                         + ("; choose one with --select NAME" if plans else ""))
    return _read_json(plans[0], findings)


def _read_json(document: RawPlan, findings: Findings) -> Plan:
    data = document.data
    nested = isinstance(data.get("rules"), dict)
    events_path = ("rules", "events") if nested else ("events",)
    reader = SchemaReader(document, findings)
    events, calls = [], set()
    for index, event in enumerate((data["rules"] if nested else data).get("events") or ()):
        path = (*events_path, index)
        call = str(event.get("eventType") or "track").lower()
        name = str(event.get("name") or "") if call == "track" else call
        if call not in CALLS or (call != "track" and call in calls):
            findings.add("IM002", f"a {call} event dropped: " + ("a plan has one such call" if call in CALLS
                                                                 else "unknown event type"), document, path)
            continue
        calls.add(call)
        labels = {"category": event["categoryId"]} if event.get("categoryId") else None
        if "rules" in event:
            events.append(event_from_schema(reader, event["rules"], (*path, "rules"), name=name, call=call,
                                            description=event.get("description") or None, labels=labels))
        else:
            events.append(rudderstack_yaml.record_event(reader, event, path, name=name, call=call, labels=labels))
    plan = Plan(name=str(data.get("display_name") or data.get("name") or Path(document.file).stem),
                description=data.get("description") or None, additional_properties=True, events=tuple(events),
                source=document.file)
    return with_conventions(plan, (data.get("x-protocol-kit") or {}).get("conventions"))


def write(plan: Plan, path: Path, findings: Findings) -> list[Path]:
    return rudderstack_yaml.write(plan, path, findings)
