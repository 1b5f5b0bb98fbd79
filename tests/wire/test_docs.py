"""docs/wire-formats.md: its examples run, and it has a mapping table for every format the registry knows."""
import re

from protocol_kit.events.wire import FORMATS, INPUT_FORMATS
from tests.doc_examples import python_examples, run_example
from tests.wire.conftest import ROOT

DOC = (ROOT / "docs" / "wire-formats.md").read_text("utf-8")


def test_examples_run():
    blocks = python_examples("docs/wire-formats.md")
    assert blocks
    for block in blocks:
        run_example(block, "docs/wire-formats.md")


def test_every_format_has_its_section_and_choice():
    sections = re.findall(r"^## .* \(`(\w+)`\)$", DOC, re.M)
    assert sorted(sections) == sorted(FORMATS)
    assert set(INPUT_FORMATS) == {"auto", *FORMATS}
    assert "--input-format " + "|".join(INPUT_FORMATS[1:]) in DOC


def test_readme_names_every_sdk():
    readme = (ROOT / "README.md").read_text("utf-8")
    for sdk in ("segment-analytics-python", "@segment/analytics-node", "rudder-sdk-python", "posthog",
                "mixpanel", "amplitude-analytics", "snowplow-tracker"):
        assert f"`{sdk}`" in readme
