"""``junit``: JUnit XML for CI dashboards.

One ``testsuite`` per input file, one ``testcase`` per event (or per plan-level
finding group) with one ``failure`` per violation. A clean run is one passing
test case, so dashboards show that the check ran.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict

from protocol_kit.report.data import ReportData
from protocol_kit.violation import Violation


def render(data: ReportData) -> str:
    root = ET.Element("testsuites", name=data.title, tests="0", failures=str(data.summary.violations))
    suites: dict[str, dict[str, list[Violation]]] = defaultdict(lambda: defaultdict(list))
    for v in data.violations:
        suites[v.source.file or "<input>"][v.event or v.event_type or "(no event)"].append(v)
    if not suites:
        suites[", ".join(data.inputs) or data.tool] = {data.title: []}
    tests = 0
    for file, cases in suites.items():
        suite = ET.SubElement(root, "testsuite", name=file, tests=str(len(cases)),
                              failures=str(sum(map(len, cases.values()))), errors="0", skipped="0")
        for event, violations in cases.items():
            case = ET.SubElement(suite, "testcase", name=event, classname=f"{data.tool}.{file}")
            for v in violations:
                _failure(case, v)
        tests += len(cases)
    root.set("tests", str(tests))
    if data.violations_omitted:
        ET.SubElement(root, "properties").append(
            ET.Element("property", name="violations_omitted", value=str(data.violations_omitted)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _failure(case: ET.Element, v: Violation) -> None:
    failure = ET.SubElement(case, "failure", message=f"{v.code} {v.message}", type=f"{v.code} {v.name}")
    lines = [f"{v.source}: {v.code} [{v.severity}] {v.message}"]
    if v.path:
        lines.append(f"path: {v.path}")
    for label, value in (("expected", v.expected), ("actual", v.actual)):
        if value is not None:
            lines.append(f"{label}: {value if isinstance(value, str) else json.dumps(value, default=str)}")
    if v.message_id:
        lines.append(f"message id: {v.message_id}")
    failure.text = "\n".join(lines)
