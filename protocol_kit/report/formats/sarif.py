"""``sarif``: SARIF 2.1.0 for code scanning tools (GitHub code scanning, IDE viewers).

Rules come from the code table (the same text as ``protocol-kit explain``);
results carry the rule id, level, message and, where known, the file, line
and column. ``partialFingerprints`` hold the violation's signature so that a
scanning service can follow a finding across runs.
"""
from __future__ import annotations

from typing import Any

from protocol_kit import __version__, codes
from protocol_kit.report.data import ReportData
from protocol_kit.results import fingerprint, signature_of
from protocol_kit.report.jsontext import dumps
from protocol_kit.violation import Violation

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(data: ReportData) -> str:
    used = sorted({v.code for v in data.violations} | {row.code for row in data.digest})
    index = {code: i for i, code in enumerate(used)}
    run = {
        "tool": {"driver": {"name": "protocol-kit", "version": __version__,
                            "rules": [rule(codes.get(code)) for code in used]}},
        "results": [result(v, index[v.code]) for v in data.violations],
        "properties": {"summary": data.summary.to_dict(), "violationsOmitted": data.violations_omitted},
    }
    return dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=True) + "\n"


def rule(entry: codes.Code) -> dict[str, Any]:
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": f"{entry.summary} {entry.why}"},
        "help": {"text": f"{entry.why} How to fix: {entry.fix}",
                 "markdown": f"**Why it matters.** {entry.why}\n\n**How to fix.** {entry.fix}"},
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": {"kind": entry.kind},
    }


def result(v: Violation, rule_index: int) -> dict[str, Any]:
    found: dict[str, Any] = {"ruleId": v.code, "ruleIndex": rule_index, "level": LEVELS.get(v.severity, "note"),
                             "message": {"text": v.message}}
    if v.source.file:
        physical: dict[str, Any] = {"artifactLocation": {"uri": v.source.file}}
        if v.source.line:
            physical["region"] = {"startLine": v.source.line, **({"startColumn": v.source.column}
                                                                 if v.source.column else {})}
        found["locations"] = [{"physicalLocation": physical}]
    found["partialFingerprints"] = {"protocolKitSignature/v1": fingerprint(signature_of(v))}
    properties = {k: val for k, val in (("event", v.event), ("eventType", v.event_type), ("path", v.path),
                                        ("messageId", v.message_id), ("location", str(v.source))) if val}
    if properties:
        found["properties"] = properties
    return found
