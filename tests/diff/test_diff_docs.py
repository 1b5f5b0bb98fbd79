"""docs/diff.md agrees with the code: its Python example runs, its table is the impact table."""
import re

from plan_support import ROOT
from protocol_kit import codes
from protocol_kit.diff.change import IMPACT
from tests.doc_examples import python_examples, run_example

DOC = (ROOT / "docs" / "diff.md").read_text("utf-8")


def test_python_example_runs():
    blocks = python_examples("docs/diff.md")
    assert blocks
    for block in blocks:
        run_example(block, "docs/diff.md")


def test_the_table_lists_every_change_code_with_its_impact_and_severity():
    rows = re.findall(r"^\| (DF\d{3}) \| `([a-z0-9-]+)` \| (\S+) \| (\S+) \| (\w+) \|$", DOC, re.M)
    table = {code: (name, producer != "-", consumer != "-", severity)
             for code, name, producer, consumer, severity in rows}
    assert table == {code: (codes.get(code).name, *impact, codes.get(code).severity)
                     for code, impact in IMPACT.items()}


def test_every_plan_change_code_has_an_impact():
    assert {c for c in codes.CODES if c.startswith("DF") and c < "DF5"} == set(IMPACT)
