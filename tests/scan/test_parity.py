"""The scanner and the validator say the same of one event: tests/cases/parity/<case>/.

Each case holds a plan (``plan.yaml``), an event (``payload.json``) and the literal
tracking call that sends it (``app.py`` or ``app.ts``). ``protocol-kit validate`` runs on
the payload and ``protocol-kit scan`` on the call; the codes the two share (EV002-EV006)
must come out with the same code, JSON pointer, message, expected and actual values, and
as ``expected.json`` lists them (PROTOCOL_KIT_UPDATE_GOLDEN=1 rewrites it).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parents[1] / "cases" / "parity"
SHARED = ("EV002", "EV003", "EV004", "EV005", "EV006")
FIELDS = ("code", "event", "event_type", "path", "message", "expected", "actual")
UPDATE = bool(os.environ.get("PROTOCOL_KIT_UPDATE_GOLDEN"))


def findings(outcome) -> list[dict]:
    assert outcome.code in (0, 1), outcome.stderr
    records = json.loads(outcome.stdout)["violations"]
    found = [{f: v[f] for f in FIELDS} for v in records if v["code"] in SHARED]
    return sorted(found, key=lambda v: (v["path"], v["code"], v["message"]))


@pytest.mark.parametrize("case", sorted(CASES.iterdir()), ids=lambda p: p.name)
def test_scan_and_validate_report_one_event_alike(case, protocol_kit, monkeypatch):
    monkeypatch.chdir(case)
    [call] = [p.name for p in case.iterdir() if p.stem == "app"]
    validated = findings(protocol_kit("validate", "--plan", "plan.yaml", "payload.json", "--pii", "off",
                                      "--format", "json"))
    scanned = findings(protocol_kit("scan", "--plan", "plan.yaml", "--no-cache", call, "--format", "json"))
    golden = case / "expected.json"
    if UPDATE:
        golden.write_text(json.dumps(validated, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert validated, "the case's payload should break the plan"
    assert scanned == validated
    assert validated == json.loads(golden.read_text("utf-8"))
