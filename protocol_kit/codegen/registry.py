"""The code generators by language name. Each is one module with ``files(model, target)`` and
``tracking_functions(model)`` and ``output_paths(out)`` (for the scanner); modules load only when their language is used."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Callable

from protocol_kit.codegen.model import Model
from protocol_kit.codegen.target import Target


@dataclass(frozen=True, slots=True)
class Generator:
    name: str
    description: str

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"protocol_kit.codegen.{self.name}")

    @property
    def files(self) -> Callable[[Model, Target], dict[Path, str]]:
        return self.module.files

    @property
    def output_paths(self) -> Callable[[Path], list[Path]]:
        return self.module.output_paths

    @property
    def tracking_functions(self) -> Callable[[Model], list[tuple[str, str, tuple[tuple[str, str | None], ...]]]]:
        return self.module.tracking_functions


GENERATORS: dict[str, Generator] = {g.name: g for g in (
    Generator("typescript", "interfaces and a typed tracker over analytics.js, analytics-node, RudderStack or PostHog"),
    Generator("python", "TypedDicts and a typed Tracker over analytics-python-style clients or PostHog"),
)}


def get(name: str) -> Generator:
    try:
        return GENERATORS[name]
    except KeyError:
        raise KeyError(f"unknown codegen language {name!r}; known: {', '.join(GENERATORS)}") from None
