"""The Python examples of docs/validation.md run as written."""
from tests.doc_examples import python_examples, run_example


def test_library_api_example_runs():
    blocks = python_examples("docs/validation.md")
    assert blocks
    for block in blocks:
        run_example(block, "docs/validation.md")
