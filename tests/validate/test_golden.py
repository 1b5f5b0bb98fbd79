"""Golden outputs of the bundled demo events (UPDATE_GOLDEN=1 rewrites them).

Every format is golden-tested over one sample run in tests/report; these pin
what a user sees when running the demo itself.
"""
import os

import pytest

from protocol_kit.events import read_chunks
from protocol_kit.report import render
from protocol_kit.report.validation import from_validation
from protocol_kit.validation import Validator
from tests.validate.conftest import ROOT

GOLDEN = ROOT / "tests" / "validate" / "golden"


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_demo_output(example_plan, monkeypatch, output_format):
    monkeypatch.chdir(ROOT)
    report = Validator(example_plan).run(read_chunks(["examples/events/ecommerce.jsonl"]))
    text = render(output_format, from_validation(report), width=120) + "\n"
    golden = GOLDEN / f"demo.{output_format}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8")
