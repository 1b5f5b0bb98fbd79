"""The README's Python examples run as they are written."""
import pytest

from tests.doc_examples import python_examples, run_example

BLOCKS = python_examples("README.md")


def test_the_readme_has_examples():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_example_runs(block):
    run_example(block, "README.md")
