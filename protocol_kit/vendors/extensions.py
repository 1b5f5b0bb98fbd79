"""What other tools' formats have no key for, written as extensions their tools ignore and import reads back:
the plan's version and naming conventions (``x-protocol-kit``), an event's owner and status, and ``pii:``
declarations (``x-protocol-kit-pii``)."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from protocol_kit.plan.model import Conventions, Event, Plan
from protocol_kit.vendors.document import Findings

PII_EXTENSION = "x-protocol-kit-pii"


def with_conventions(plan: Plan, written: Any) -> Plan:
    """The conventions an earlier export kept (``x-protocol-kit.conventions``); detected on import otherwise."""
    if not isinstance(written, dict):
        return plan
    return replace(plan, conventions=Conventions(**{k: v for k, v in written.items()
                                                     if k in ("event_names", "property_names")}))


def plan_extensions(plan: Plan, findings: Findings, *, description: bool = False) -> dict[str, Any]:
    """The plan's version and naming conventions (and ``description`` when the format has no place for it),
    which the other tools' formats have no key for."""
    extensions: dict[str, Any] = {"conventions": {"event_names": plan.conventions.event_names,
                                                  "property_names": plan.conventions.property_names}}
    kept = ["naming conventions"]
    for key, value in (("version", plan.version), ("description", plan.description if description else None)):
        if value is not None:
            extensions[key] = value
            kept.insert(0, key)
    findings.add("IM003", f"the plan's {', '.join(kept)} kept as `x-protocol-kit`")
    return extensions


def event_extensions(event: Event, target: dict[str, Any], findings: Findings) -> None:
    """Owner, status and personal-data declarations, which the JSON Schema formats have no key for."""
    if event.owner:
        target["x-protocol-kit-owner"] = event.owner
        findings.add("IM003", "owner kept as `x-protocol-kit-owner`", event=event.name)
    if event.deprecated:
        target["x-protocol-kit-status"] = "deprecated"
        findings.add("IM003", "status deprecated kept as `x-protocol-kit-status`", event=event.name)
    if _has_pii(event):
        findings.add("IM003", f"`pii:` declarations kept as `{PII_EXTENSION}`", event=event.name)


def _has_pii(event: Event) -> bool:
    from protocol_kit.plan.walk import iter_properties

    return any(prop.pii is not None for _, prop in iter_properties(event))
