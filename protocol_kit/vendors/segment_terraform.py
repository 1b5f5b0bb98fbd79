"""Segment tracking plans as Terraform: ``segment_tracking_plan`` (and the older ``segment_tracking_plan_rules``)
resources whose ``rules`` hold ``json_schema = jsonencode({...})``. Read offline; nothing is applied."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from protocol_kit.errors import InputError
from protocol_kit.plan.model import Plan
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.vendors import segment
from protocol_kit.vendors.conventions import detect_conventions
from protocol_kit.vendors.document import Findings, parse_json
from protocol_kit.vendors.hcl import HclReader, dump_value, hcl_json
from protocol_kit.violation import Location

RESOURCES = ("segment_tracking_plan", "segment_tracking_plan_rules")


def detect(document: RawPlan) -> bool:
    return isinstance(document.data, str) and any(f'"{r}"' in document.data for r in RESOURCES)


def read(documents: list[RawPlan], findings: Findings, *, select: str | None = None, **_: Any) -> Plan:
    found = [resource for document in documents if detect(document) for resource in _resources(document)]
    if select is not None:
        found = [r for r in found if select in (r[1], r[2].get("name"))]
    if len(found) != 1:
        names = ", ".join(f"{r[1]} ({r[0].file})" for r in found) or "none"
        raise InputError(f"expected one segment_tracking_plan resource, found {len(found)}: {names}"
                         + ("; choose one with --select NAME" if len(found) > 1 else ""))
    document, label, body, line = found[0]
    data = {"name": body.get("name") or label, "description": body.get("description"),
            "rules": [_rule(document, rule, line) for rule in body.get("rules") or ()]}
    return segment.read_plan(RawPlan(data=data, file=document.file,
                                     locations={(): Location(file=document.file, line=line)}), findings)


def _resources(document: RawPlan) -> list[tuple[RawPlan, str, dict, int]]:
    return [(document, labels[2] if len(labels) > 2 else labels[-1], body, line)
            for labels, body, line in HclReader(document.data, document.file).blocks()
            if labels[:1] == ["resource"] and len(labels) > 1 and labels[1] in RESOURCES]


def _rule_findings(plan: Plan):
    """What the rules themselves report (kept as extensions, calls dropped), as the Segment export says it."""
    findings = Findings()
    segment.plan_document(plan, findings)
    return [v for v in findings.items if v.event is not None]


def _rule(document: RawPlan, rule: dict, line: int) -> dict:
    schema = rule.get("json_schema")
    if isinstance(schema, str):  # Git sync writes the schema as an escaped JSON string
        schema = parse_json(schema, Location(file=document.file, line=line))
    return {"key": rule.get("key"), "type": rule.get("type"), "version": rule.get("version"),
            "jsonSchema": schema or {}}


def write(plan: Plan, path: Path, findings: Findings) -> list[Path]:
    document = segment.plan_document(plan, Findings())  # its plan-level extensions have no place here
    findings.items.extend(v for v in _rule_findings(plan))
    if plan.version is not None:
        findings.add("IM004", "the plan's version dropped: a segment_tracking_plan resource has no such attribute")
    if detect_conventions(plan).conventions != plan.conventions:
        findings.add("IM004", "the plan's naming conventions dropped: a segment_tracking_plan resource has no "
                              "such attribute, and import detects other ones from the names")
    rules = []
    for rule in document["rules"]:
        schema = hcl_json(rule["jsonSchema"])
        rules.append("    {\n" + "".join(f"      {k} = {dump_value(rule[k])}\n" for k in ("key", "type", "version"))
                     + "      json_schema = jsonencode(" + schema.replace("\n", "\n      ") + ")\n    },")
    name = re.sub(r"[^A-Za-z0-9_]+", "_", plan.name).strip("_").lower() or "plan"
    text = (f'resource "segment_tracking_plan" "{name}" {{\n'
            f"  name        = {dump_value(plan.name)}\n  type        = \"LIVE\"\n"
            f"  description = {dump_value(plan.description or '')}\n"
            "  rules = [\n" + "\n".join(rules) + "\n  ]\n}\n")
    path.write_text(text, encoding="utf-8")
    return [path]
