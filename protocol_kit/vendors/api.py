"""Import other tools' tracking plans into the plan model, and export plans to their formats.

>>> result = import_plan(["plan.json"])            # the format detected from the content
>>> result.plan.name, result.counts, result.findings
>>> export_plan(result.plan, "out.json", format="segment").files
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from protocol_kit.errors import InputError, PlanError
from protocol_kit.plan.model import Plan
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.plan.walk import iter_properties
from protocol_kit.vendors.conventions import detect_conventions
from protocol_kit.vendors.document import (
    JSON_SUFFIXES, YAML_SUFFIXES, Findings, read_document, read_json_document, read_text,
)
from protocol_kit.vendors.normal import normal_plan
from protocol_kit.vendors.registry import FORMATS, format_module
from protocol_kit.violation import Location, Violation

TERRAFORM_SUFFIXES = (".tf",)
IGLU_VERSION = re.compile(r"\d+(-\d+){1,2}")  # an Iglu schema file is named by its SchemaVer, with no suffix
_DEFAULT_CONVENTIONS = Plan.__dataclass_fields__["conventions"].default


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The imported plan, the format it was read as, the files read and what could not be mapped as it was."""

    plan: Plan
    format: str
    files: tuple[str, ...]
    findings: tuple[Violation, ...]
    lint: tuple[Violation, ...] = ()  # plan lint run on the imported plan

    @property
    def counts(self) -> dict[str, int]:
        return plan_counts(self.plan)


@dataclass(frozen=True, slots=True)
class ExportResult:
    files: tuple[Path, ...]
    findings: tuple[Violation, ...]


def plan_counts(plan: Plan) -> dict[str, int]:
    """Events (every planned call) and properties (nested ones and array elements' fields included)."""
    props = sum(1 for event in plan.events for _, prop in iter_properties(event))
    return {"events": len(plan.events), "properties": props, "common": len(plan.common)}


def import_plan(sources: Sequence[str | Path], *, format: str | None = None, select: str | None = None,
                lint: bool = False) -> ImportResult:
    """Read the plan in ``sources`` (files or folders) written in another tool's ``format`` (detected if None).

    ``select`` names the plan to import when the sources hold several (a RudderStack project);
    ``lint`` runs plan lint on the result, with the naming conventions detected from the source.
    Raises :class:`PlanError` or :class:`InputError` when the sources cannot be read at all.
    """
    findings = Findings()
    documents = [read_source(path) for path in expand_sources(sources)]
    if not documents:
        raise InputError("no plan files found in " + ", ".join(map(str, sources)))
    chosen = format or detect_format(documents)
    module = format_module(chosen)
    plan = module.read(documents, findings, select=select)
    if plan.conventions is _DEFAULT_CONVENTIONS:
        plan = detect_conventions(plan)
    plan = normal_plan(plan)
    linted: tuple[Violation, ...] = ()
    if lint:
        from protocol_kit.plan.lint import lint_plan

        linted = tuple(lint_plan(plan))
    return ImportResult(plan=plan, format=chosen, files=tuple(d.file for d in documents),
                        findings=tuple(findings.collected()), lint=linted)


def export_plan(plan: Plan, path: str | Path, *, format: str) -> ExportResult:
    """Write ``plan`` as ``format`` at ``path`` (a file, or a folder for folder-shaped formats).

    The plan is written in its normal form: defaults (``additional_properties``) written out where they apply.
    """
    findings = Findings()
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        files = format_module(format).write(normal_plan(plan), path, findings)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", Location(file=str(path))) from None
    return ExportResult(files=tuple(files), findings=tuple(findings.collected()))


# CLI configuration files that name a plan kept elsewhere: what to import instead
CONFIG_FILES = {
    "avo.json": "an Avo CLI workspace file: it names the tracking plan, it does not hold it; export the plan "
                "as JSON Schema (Avo's Export API or webhook) and import that",
    "ampli.json": "an Amplitude Ampli CLI configuration: the tracking plan itself lives in Amplitude Data",
}


def detect_format(documents: list[RawPlan]) -> str:
    """The format that recognises the most documents (the first in the registry's order on a tie)."""
    scores = {name: sum(1 for d in documents if format_module(name).detect(d)) for name in FORMATS}
    best = max(FORMATS, key=lambda name: (scores[name], -list(FORMATS).index(name)))
    if scores[best] == 0:
        first = documents[0].file
        why = CONFIG_FILES.get(Path(first).name, "not a tracking plan of a known format")
        raise PlanError(f"{why}; the formats import reads: {', '.join(FORMATS)} (name one with --from)",
                        Location(file=first))
    return best


def expand_sources(sources: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for source in map(Path, sources):
        if source.is_dir():
            files.extend(sorted(p for p in source.rglob("*") if p.is_file() and _is_plan_file(p)))
        elif source.is_file():
            files.append(source)
        else:
            raise InputError("no such file or folder", Location(file=str(source)))
    return files


def read_source(path: Path) -> RawPlan:
    if path.suffix.lower() in TERRAFORM_SUFFIXES:
        return RawPlan(data=read_text(path), file=str(path))
    if IGLU_VERSION.fullmatch(path.name):  # JSON, named by its version
        return read_json_document(read_text(path), str(path))
    return read_document(path)


def _is_plan_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in (*JSON_SUFFIXES, *YAML_SUFFIXES, *TERRAFORM_SUFFIXES) or (
        IGLU_VERSION.fullmatch(path.name) is not None and path.parent.name == "jsonschema")


