"""Load a tracking plan from any supported file format."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from typing import TYPE_CHECKING

from protocol_kit.errors import PlanError
from protocol_kit.violation import Location

if TYPE_CHECKING:
    from protocol_kit.plan.model import Plan
    from protocol_kit.plan.source_map import RawPlan


def _read_yaml(path: Path) -> RawPlan:
    from protocol_kit.plan.yaml_loader import read_yaml_plan

    return read_yaml_plan(_read_text(path), str(path))


def _read_xlsx(path: Path) -> RawPlan:
    from protocol_kit.plan.tables.xlsx_reader import read_xlsx_plan

    return read_xlsx_plan(path)


def _read_csv(path: Path) -> RawPlan:
    from protocol_kit.plan.tables.csv_reader import read_csv_plan

    return read_csv_plan(path)


# suffix -> reader returning raw plan data in the YAML format's shape.
READERS: dict[str, Callable[[Path], RawPlan]] = {
    ".yaml": _read_yaml,
    ".yml": _read_yaml,
    ".xlsx": _read_xlsx,
    ".xlsm": _read_xlsx,
    ".csv": _read_csv,
}


def load_plan(path: str | Path, *, name: str | None = None, version: str | None = None) -> Plan:
    """Read and build the plan at ``path`` (YAML, xlsx or csv).

    ``name`` and ``version`` replace what the file says (a csv plan has no
    place of its own for them, see ``<name>.meta.yaml``). Raises
    :class:`~protocol_kit.errors.PlanError` naming the file, the line or
    row and what was expected when the plan cannot be read.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise PlanError(f"unsupported plan format '{path.suffix or path.name}'; expected one of: "
                        + ", ".join(sorted(READERS)), Location(file=str(path)))
    if not path.is_file():
        raise PlanError("no such file" if not path.exists() else "not a file", Location(file=str(path)))
    raw = reader(path)
    for key, value in (("plan", name), ("version", version)):
        if value is not None:
            raw.data[key] = value
    from protocol_kit.plan.builder import build_plan

    return build_plan(raw)


def plan_sources(path: Path) -> tuple[Path, ...]:
    """The files :func:`load_plan` reads for the plan at ``path``, present or not: the plan file, and a csv
    plan's sidecar of plan-level settings."""
    if path.suffix.lower() != ".csv":
        return (path,)
    from protocol_kit.plan.tables.csv_reader import sidecar_path

    return (path, sidecar_path(path))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanError(f"not UTF-8 text (byte {error.start}): a YAML plan must be UTF-8",
                        Location(file=str(path))) from None
    except OSError as error:
        raise PlanError(f"cannot read: {error.strerror}", Location(file=str(path))) from None
