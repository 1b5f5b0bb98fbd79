"""``export``: a plan written as a data dictionary (xlsx, csv with its sidecar), as YAML, or in another
tool's format (Segment, RudderStack, mParticle, Iglu...)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from protocol_kit.commands.plans import load_plans
from protocol_kit.errors import InputError
from protocol_kit.plan.export import EXPORTERS, export_plan
from protocol_kit.vendors import FORMATS as VENDOR_FORMATS
from protocol_kit.violation import Violation

__all__ = ["EXPORTERS", "VENDOR_FORMATS", "ExportOptions", "ExportRun", "export"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportOptions:
    format: str = "xlsx"  # a name of protocol_kit.plan.export.EXPORTERS
    vendor: str | None = None  # a name of protocol_kit.vendors.FORMATS: another tool's format instead
    out: Path | None = None  # default: the plan file with the format's suffix (required with ``vendor``)
    plan_name: str | None = None
    plan_version: str | None = None


@dataclass(frozen=True, slots=True)
class ExportRun:
    files: tuple[Path, ...]  # written
    findings: tuple[Violation, ...] = ()  # what another tool's format kept as an extension or dropped (IM003, IM004)


def export(plan: Path | str, options: ExportOptions = ExportOptions()) -> ExportRun:
    """Write the plan at ``plan`` as ``options`` ask. The plan itself is never overwritten."""
    plan = Path(plan)
    [loaded] = load_plans([plan], name=options.plan_name, version=options.plan_version)
    if options.vendor is not None and options.out is None:
        raise InputError(f"--to {options.vendor} needs --out FILE (or folder)")
    out = options.out or plan.with_suffix(f".{options.format}")
    if out.resolve() == plan.resolve():
        raise InputError("refusing to overwrite the plan itself; choose another file with --out")
    if options.vendor is None:
        return ExportRun(files=tuple(export_plan(loaded, out, format=options.format)))
    from protocol_kit.vendors import export_plan as export_to_vendor

    result = export_to_vendor(loaded, out, format=options.vendor)
    return ExportRun(files=tuple(result.files), findings=tuple(result.findings))
