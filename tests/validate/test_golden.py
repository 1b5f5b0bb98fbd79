"""Golden outputs of the bundled demo events, one file per output format (UPDATE_GOLDEN=1 rewrites them)."""
import os

import pytest

from protocol_kit.events import read_chunks
from protocol_kit.report import FORMATS, render
from protocol_kit.validation import Validator
from tests.validate.conftest import ROOT

GOLDEN = ROOT / "tests" / "validate" / "golden"


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_demo_output(example_plan, monkeypatch, output_format):
    monkeypatch.chdir(ROOT)
    report = Validator(example_plan).run(read_chunks(["examples/events/ecommerce.jsonl"]))
    text = render(report, output_format, width=120) + "\n"
    golden = GOLDEN / f"demo.{output_format}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8")
