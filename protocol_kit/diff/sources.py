"""The two plans of a diff: from files in any plan form, or as a plan was at a git revision.

``git show REF:path`` reads the plan as it was, so a pull request check needs
no second checkout; it works offline, on the repository's own history. A
plan read from git names its places ``REF:path`` (the notation of ``git
show``). ``merge-base`` as a ref is the merge base of HEAD with the branch it
will be merged into (its upstream, else ``origin/HEAD``, ``main`` or ``master``).
"""
from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path, PurePosixPath

from protocol_kit.compile import load_compiled
from protocol_kit.diff.compiled_plan import plan_from_compiled
from protocol_kit.errors import InputError
from protocol_kit.plan import Plan
from protocol_kit.plan.builder import build_plan
from protocol_kit.plan.loader import READERS, load_plan
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.plan.tables.csv_reader import SIDECAR_SUFFIX
from protocol_kit.violation import Location

MERGE_BASE = "merge-base"
TARGET_BRANCHES = ("@{upstream}", "origin/HEAD", "origin/main", "origin/master", "main", "master")


def read_plan(path: str | Path) -> Plan:
    """A plan file (YAML, xlsx, csv) or a compiled schemas folder, as the plan model."""
    path = Path(path)
    if path.is_dir():
        return plan_from_compiled(load_compiled(path), str(path))
    return load_plan(path)


def read_plan_at(path: str | Path, ref: str) -> Plan | None:
    """The plan at ``path`` as it was at git revision ``ref``; None when it did not exist there."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], folder).decode().strip())
    except InputError:
        raise InputError("--against needs the plan to be in a git repository", Location(file=str(path))) from None
    ref = resolve_ref(ref, folder)
    if ref is None:
        return None
    relative = PurePosixPath(path.resolve().relative_to(top.resolve()).as_posix())
    label = f"{ref}:{relative}"
    with tempfile.TemporaryDirectory(prefix="protocol-kit-diff-") as tmp:
        copy = Path(tmp) / path.name
        if path.is_dir():
            if not _copy_tree(ref, relative, copy, top):
                return None
            return plan_from_compiled(load_compiled(copy), label)
        if not _copy_file(ref, relative, copy, top):
            return None
        if copy.suffix.lower() == ".csv":
            sidecar = relative.with_name(relative.stem + SIDECAR_SUFFIX)
            _copy_file(ref, sidecar, copy.with_name(copy.stem + SIDECAR_SUFFIX), top)
        reader = READERS.get(copy.suffix.lower())
        if reader is None:
            return load_plan(copy)  # says which formats are supported
        return build_plan(_relabelled(reader(copy), label))


def resolve_ref(ref: str, folder: Path) -> str | None:
    """``ref`` itself, or for ``merge-base`` the merge base of HEAD (None when there is no commit yet)."""
    if ref != MERGE_BASE:
        if _commit(ref, folder) is None:
            raise InputError(f"unknown git revision '{ref}'")
        return ref
    if _commit("HEAD", folder) is None:
        return None
    for target in TARGET_BRANCHES:
        if _commit(target, folder) is not None:
            base = _git(["merge-base", "HEAD", target], folder).decode().strip()
            return _git(["rev-parse", "--short=12", base], folder).decode().strip()
    return "HEAD"


def _commit(ref: str, folder: Path) -> str | None:
    try:
        return _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], folder).decode().strip() or None
    except InputError:
        return None


def _copy_file(ref: str, relative: PurePosixPath, target: Path, top: Path) -> bool:
    try:
        content = _git(["show", f"{ref}:{relative}"], top)
    except InputError as error:
        if "does not exist" in str(error) or "exists on disk, but not in" in str(error):
            return False
        raise
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return True


def _copy_tree(ref: str, relative: PurePosixPath, target: Path, top: Path) -> bool:
    names = _git(["ls-tree", "-r", "--name-only", ref, "--", f"{relative}/"], top).decode().splitlines()
    for name in names:
        _copy_file(ref, PurePosixPath(name), target / PurePosixPath(name).relative_to(relative), top)
    return bool(names)


def _relabelled(raw: RawPlan, label: str) -> RawPlan:
    raw.file = label
    raw.locations = {key: replace(where, file=label) for key, where in raw.locations.items()}
    return raw


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60)
    except FileNotFoundError:
        raise InputError("git is not installed: --against needs git") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"git {args[0]} failed: {message[-1] if message else 'exit ' + str(done.returncode)}",
                         Location(file=str(cwd)))
    return done.stdout
