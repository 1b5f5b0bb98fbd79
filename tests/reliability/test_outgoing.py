"""The outgoing step gives the detector every string that can show personal data by itself."""
from __future__ import annotations

import json
import re
from pathlib import Path

from protocol_kit.pii import detect_pii
from protocol_kit.report.outgoing import MAY_HOLD_PERSONAL_DATA, Cleaner

CORPUS = Path(__file__).resolve().parents[1] / "cases" / "pii"


def corpus_strings() -> set[str]:
    found: set[str] = set()
    for path in CORPUS.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stack = [json.loads(line)]
            while stack:
                node = stack.pop()
                if isinstance(node, dict):
                    found.update(k for k in node if isinstance(k, str))
                    stack.extend(node.values())
                elif isinstance(node, list):
                    stack.extend(node)
                elif isinstance(node, str):
                    found.add(node)
    return found


def test_no_string_the_detector_flags_is_skipped():
    strings = corpus_strings()
    assert len(strings) > 500
    may_hold = re.compile(MAY_HOLD_PERSONAL_DATA)
    skipped = sorted(s for s in strings if not may_hold.search(s[:2000]) and detect_pii({"value": s}))
    assert skipped == []


def test_masks_replace_what_was_found_in_every_field():
    clean = Cleaner()
    secrets = clean.secrets(composites=("unplanned event 'ada@example.com'", "/properties/4111111111111111/x"))
    assert set(secrets) == {"ada@example.com", "4111111111111111"}
    assert clean.text("unplanned event 'ada@example.com'", secrets) == "unplanned event 'a***@e***.com'"
    assert clean.text("/properties/4111111111111111/x", secrets) == "/properties/**** **** **** 1111/x"
