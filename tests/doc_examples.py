"""The Python examples of a Markdown page, and running them as a reader would: from the repository's root."""
from __future__ import annotations

import contextlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_examples(page: str) -> list[str]:
    """The ```python blocks of ``page`` (a path from the repository's root, such as ``docs/diff.md``)."""
    return re.findall(r"```python\n(.*?)```", (ROOT / page).read_text("utf-8"), re.S)


def run_example(block: str, page: str) -> None:
    """Run one block in a namespace of its own, with the repository's root as the working directory."""
    with contextlib.chdir(ROOT):
        exec(compile(block, page, "exec"), {})
