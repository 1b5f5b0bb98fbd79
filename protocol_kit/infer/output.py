"""Writing the draft (YAML with evidence comments, or a spreadsheet through the plan exporters) and
locating the findings in the file written."""
from __future__ import annotations

from pathlib import Path

from protocol_kit.errors import InputError
from protocol_kit.infer.api import InferResult, keep_added
from protocol_kit.infer.findings import draft_findings
from protocol_kit.plan import load_plan
from protocol_kit.plan.export import export_plan
from protocol_kit.violation import Location, Violation

PLAN_FORMATS = ("yaml", "xlsx", "csv")


def write_draft(result: InferResult, path: str | Path, *, format: str = "yaml") -> tuple[list[Path], list[Violation]]:
    """Write the plan of ``result`` to ``path``; the files written and every finding, located in them."""
    path = Path(path)
    if format == "yaml":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(result.yaml(), encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot write: {error.strerror}", Location(file=str(path))) from None
        files = [path]
    else:
        files = export_plan(result.plan, path, format=format)
    located = load_plan(path)
    findings = draft_findings(result, located)
    if result.options.merge_into is not None:
        findings = keep_added(findings, result.added)
    return files, sorted(findings, key=_position)


def _position(v: Violation) -> tuple:
    s = v.source
    return (s.file or "", s.sheet or "", s.line or s.row or 0, s.column or 0, v.code, v.path)
