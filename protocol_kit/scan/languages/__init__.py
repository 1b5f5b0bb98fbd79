"""The languages the scanner reads, by file extension. Grammars load on first use."""
from __future__ import annotations

import functools
import importlib
from pathlib import PurePath

from protocol_kit.scan.languages.base import Syntax

# extension -> (module, class)
LANGUAGES: dict[str, tuple[str, str]] = {
    **dict.fromkeys((".js", ".jsx", ".mjs", ".cjs"), ("javascript", "JavaScript")),
    **dict.fromkeys((".ts", ".mts", ".cts"), ("javascript", "TypeScript")),
    ".tsx": ("javascript", "Tsx"),
    **dict.fromkeys((".py", ".pyi"), ("python", "Python")),
    ".swift": ("swift", "Swift"),
    **dict.fromkeys((".kt", ".kts"), ("kotlin", "Kotlin")),
    ".java": ("java", "Java"),
    **dict.fromkeys((".rb", ".rake"), ("ruby", "Ruby")),
}


def syntax_for(path: str | PurePath) -> Syntax | None:
    """The language of a file by its extension, or None when the scanner does not read it."""
    entry = LANGUAGES.get(PurePath(path).suffix.lower())
    return _load(*entry) if entry else None


def all_syntaxes() -> list[Syntax]:
    return [_load(*entry) for entry in dict.fromkeys(LANGUAGES.values())]


@functools.cache
def _load(module: str, name: str) -> Syntax:
    return getattr(importlib.import_module(f"protocol_kit.scan.languages.{module}"), name)()
