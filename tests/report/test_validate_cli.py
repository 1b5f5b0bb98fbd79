"""The shared output options through ``protocol-kit validate``."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from openpyxl import load_workbook

from pathlib import Path

EXAMPLE_PLAN = Path(__file__).resolve().parents[2] / "plans" / "ecommerce.yaml"

BAD = b'{"type":"track","event":"Order Completed","messageId":"b-1","properties":{"order_id":"o","total":"9","currency":"USD"}}\n'
GOOD = b'{"type":"track","event":"Products Searched","messageId":"g-1","properties":{"query":"socks"}}\n'


def test_report_files_baseline_and_accounting(protocol_kit, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_bytes(GOOD + BAD + b'{"type":"track",\n')
    out = protocol_kit("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--format", "sarif",
                       "--report", f"xlsx={tmp_path}/v.xlsx", "--report", f"junit={tmp_path}/v.xml",
                       "--write-baseline", str(tmp_path / "baseline.json"))
    assert out.code == 1 and json.loads(out.stdout)["version"] == "2.1.0"
    assert {row[1].value for row in load_workbook(tmp_path / "v.xlsx")["Digest"].iter_rows(min_row=2)} == {
        "EV004", "EV001"}
    assert len(ET.parse(tmp_path / "v.xml").getroot().findall(".//failure")) == 2
    again = protocol_kit("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--baseline",
                         str(tmp_path / "baseline.json"), "--fail-on-new", "--format", "json")
    summary = json.loads(again.stdout)["summary"]
    assert again.code == 0 and summary["baseline"]["new"] == 0
    assert summary["outcomes"]["reported"] == 2 and summary["events"] == 3
    text = protocol_kit("validate", "--plan", str(EXAMPLE_PLAN), str(events)).stdout
    assert "3 event(s) read, 1 valid, 2 invalid" in text and "report mode: 3 read = 1 passed + 2 reported" in text
