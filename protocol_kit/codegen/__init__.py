"""Typed tracking clients generated from the compiled plan: TypeScript and Python.

:func:`generate` turns a compiled plan into the files of one target;
:func:`check_generated` and :func:`write_generated` compare them with the
disk or bring the disk up to date. Generation is deterministic: the same plan
and target give the same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from protocol_kit.codegen.files import check_files, write_files
from protocol_kit.codegen.model import Model, build_model
from protocol_kit.codegen.patterns import pattern_warnings
from protocol_kit.codegen.registry import GENERATORS, get
from protocol_kit.codegen.target import MODES, Target
from protocol_kit.compile import CompiledPlan
from protocol_kit.compile.writer import FileChange
from protocol_kit.violation import Violation


@dataclass(frozen=True, slots=True)
class Generated:
    """The files of one target, by path, and the warnings met while generating them (CG codes)."""

    target: Target
    model: Model
    files: dict[Path, str]
    warnings: tuple[Violation, ...]


def generate(compiled: CompiledPlan, target: Target, *, description: str | None = None) -> Generated:
    model = build_model(compiled, description=description)
    files = get(target.lang).files(model, target)
    return Generated(target=target, model=model, files=files, warnings=tuple(pattern_warnings(model)))


def check_generated(generated: Generated) -> list[FileChange]:
    return check_files(generated.files)


def write_generated(generated: Generated) -> list[FileChange]:
    return write_files(generated.files)


def tracking_functions(compiled: CompiledPlan, languages: tuple[str, ...]) -> list[tuple[str, str, tuple]]:
    """The tracker methods generated for the plan's track events: (method, event, keyword -> property)."""
    model = build_model(compiled)
    found: dict[str, tuple[str, str, tuple]] = {}
    for lang in sorted(languages):
        for entry in get(lang).tracking_functions(model):
            found.setdefault(entry[0], entry)
    return [found[name] for name in sorted(found)]


__all__ = ["GENERATORS", "MODES", "Generated", "Target", "check_generated", "generate", "tracking_functions",
           "write_generated"]
