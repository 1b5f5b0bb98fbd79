"""The Python examples of docs/validation.md run as written."""
import os
import re

from tests.validate.conftest import ROOT


def test_library_api_example_runs():
    text = (ROOT / "docs" / "validation.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            exec(compile(block, "docs/validation.md", "exec"), {})
    finally:
        os.chdir(cwd)
