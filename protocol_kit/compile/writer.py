"""Write compiled plans to disk, or check that what is on disk is current."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from protocol_kit.compile.compiled import CompiledPlan, slug
from protocol_kit.outputs import write_file


@dataclass(frozen=True, slots=True)
class FileChange:
    path: Path
    state: str  # "missing", "stale", "obsolete" (on disk, no longer planned), "written", "removed"


def plan_folder(out: Path, compiled: CompiledPlan) -> Path:
    return out / slug(compiled.name)


def check_schemas(compiled: CompiledPlan, out: str | Path) -> list[FileChange]:
    """What writing would change: missing, stale and obsolete files. Writes nothing."""
    folder = plan_folder(Path(out), compiled)
    wanted = compiled.files()
    changes = []
    for name, content in wanted.items():
        path = folder / name
        if not path.is_file():
            changes.append(FileChange(path, "missing"))
        elif path.read_bytes() != content:
            changes.append(FileChange(path, "stale"))
    changes.extend(FileChange(path, "obsolete") for path in _existing(folder) if _relative(path, folder) not in wanted)
    return changes


def write_schemas(compiled: CompiledPlan, out: str | Path) -> list[FileChange]:
    """Bring the plan's folder up to date; files already current are not touched."""
    folder = plan_folder(Path(out), compiled)
    wanted = compiled.files()
    done = []
    for change in check_schemas(compiled, out):
        if change.state == "obsolete":
            change.path.unlink()
            done.append(FileChange(change.path, "removed"))
        else:
            change.path.parent.mkdir(parents=True, exist_ok=True)
            write_file(change.path, wanted[_relative(change.path, folder)])
            done.append(FileChange(change.path, "written"))
    return done


def _existing(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json")) if folder.is_dir() else []


def _relative(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix()
