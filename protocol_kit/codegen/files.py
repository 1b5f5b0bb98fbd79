"""Write generated files, or check that the files on disk are what generation gives now."""
from __future__ import annotations

from pathlib import Path

from protocol_kit.compile.writer import FileChange


def check_files(wanted: dict[Path, str]) -> list[FileChange]:
    """The generated files that are missing or stale on disk. Writes nothing."""
    changes = []
    for path, text in sorted(wanted.items()):
        if not path.is_file():
            changes.append(FileChange(path, "missing"))
        elif path.read_bytes() != text.encode("utf-8"):
            changes.append(FileChange(path, "stale"))
    return changes


def write_files(wanted: dict[Path, str]) -> list[FileChange]:
    """Bring the generated files up to date; files already current are not touched."""
    done = []
    for change in check_files(wanted):
        change.path.parent.mkdir(parents=True, exist_ok=True)
        change.path.write_bytes(wanted[change.path].encode("utf-8"))
        done.append(FileChange(change.path, "written"))
    return done
