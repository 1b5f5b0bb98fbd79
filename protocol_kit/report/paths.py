"""How reports name files: relative to the working directory when inside it."""
from __future__ import annotations

from pathlib import Path


def display_path(path: Path | str) -> str:
    """A path relative to the working directory when it is inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
