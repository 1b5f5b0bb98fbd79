"""The plan cache (protocol_kit/compile/cache.py) never changes a result: the same output cold, warm and
without it, on the case folders of validate and scan; a corrupt, foreign or stale entry is ignored and
rebuilt; a changed plan, sidecar or code is a new key; a cache that cannot be written changes nothing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from protocol_kit.cache import CACHE_DIR
from protocol_kit.compile import compile_plan
from protocol_kit.compile import cache as plan_cache
from protocol_kit.compile.cache import MAGIC, PlanCache, entry_key
from protocol_kit.compile.compiled import CompiledPlan, CompiledSchema
from protocol_kit.plan import load_plan
from tests.commands.cases import CASES, EXAMPLE_PLAN, SCAN_NOT_SOURCES


def entries(project: Path) -> list[Path]:
    folder = project / CACHE_DIR / "plans"
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def inside(tmp_path, monkeypatch):
    def enter(case: Path) -> Path:
        shutil.copytree(case, tmp_path, dirs_exist_ok=True)
        monkeypatch.chdir(tmp_path)
        return tmp_path
    return enter


def set_config(project: Path, text: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.protocol-kit]\n{text}", "utf-8")


@pytest.mark.parametrize("case", sorted(p for p in (CASES / "validate").iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_validate_prints_the_same_cold_warm_and_without_the_cache(case, inside, protocol_kit):
    project = inside(case)
    plan = project / "plan.yaml" if (project / "plan.yaml").exists() else project / "ecommerce.yaml"
    if not plan.exists():
        shutil.copy(EXAMPLE_PLAN, plan)
    set_config(project, "")
    args = ("validate", "--plan", plan.name, "--format", "json", "events.jsonl")
    cold = protocol_kit(*args)
    assert [p.suffix for p in entries(project)] == [".compiled", ".plan"]
    warm = protocol_kit(*args)
    set_config(project, "[tool.protocol-kit.validate]\ncache = false\n")
    shutil.rmtree(project / CACHE_DIR)
    uncached = protocol_kit(*args)
    assert entries(project) == []
    assert (cold.code, cold.stdout, cold.stderr) == (warm.code, warm.stdout, warm.stderr)
    assert (warm.code, warm.stdout, warm.stderr) == (uncached.code, uncached.stdout, uncached.stderr)


def test_validate_no_cache_neither_reads_nor_writes_the_cache(inside, protocol_kit):
    project = inside(CASES / "validate" / sorted(p.name for p in (CASES / "validate").iterdir() if p.is_dir())[0])
    shutil.copy(EXAMPLE_PLAN, project / "given.yaml")
    set_config(project, "")
    args = ("validate", "--plan", "given.yaml", "--format", "json", "events.jsonl")
    uncached = protocol_kit(*args, "--no-cache")
    assert entries(project) == []
    cached = protocol_kit(*args)
    assert [p.suffix for p in entries(project)] == [".compiled", ".plan"]
    assert (uncached.code, uncached.stdout) == (cached.code, cached.stdout)


@pytest.mark.parametrize("case", sorted(p.parent for p in (CASES / "scan").glob("*/*/expected.json")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_scan_prints_the_same_cold_warm_and_without_the_cache(case, inside, protocol_kit):
    project = inside(case)
    if not (project / "plan.yaml").exists():
        shutil.copy(CASES / "scan" / "plan.yaml", project / "plan.yaml")
    if not (project / "pyproject.toml").exists():
        set_config(project, "")
    sources = sorted(p.name for p in project.iterdir() if p.name not in SCAN_NOT_SOURCES | {CACHE_DIR})
    args = ("scan", "--plan", "plan.yaml", "--format", "json", *sources)
    cold, warm = protocol_kit(*args), protocol_kit(*args)
    assert any(p.suffix == ".plan" for p in entries(project))
    shutil.rmtree(project / CACHE_DIR)
    uncached = protocol_kit(*args, "--no-cache")
    assert not (project / CACHE_DIR).exists()
    assert (cold.code, cold.stdout) == (warm.code, warm.stdout) == (uncached.code, uncached.stdout)


@pytest.fixture
def plan_file(tmp_path) -> Path:
    plan = tmp_path / "shop.yaml"
    shutil.copy(EXAMPLE_PLAN, plan)
    return plan


def test_a_warm_cache_gives_what_reading_and_compiling_give(plan_file, tmp_path):
    cache = PlanCache(tmp_path / CACHE_DIR)
    cold = cache.compiled(plan_file), cache.plan(plan_file)
    assert (cache.hits, cache.misses) == (1, 1)  # the plan was kept while compiling it
    again = PlanCache(tmp_path / CACHE_DIR)
    warm = again.compiled(plan_file), again.plan(plan_file)
    assert (again.hits, again.misses) == (2, 0)
    fresh = load_plan(plan_file)
    assert cold == warm == (compile_plan(fresh), fresh)
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"


CORRUPTIONS = {
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "garbage after the key": lambda data: data[:-40] + b"\xff" * 40,
    "another format": lambda data: b"not a cache entry at all",
    "flipped key byte": lambda data: data[:len(MAGIC) + 20] + bytes([data[len(MAGIC) + 20] ^ 1]) + data[len(MAGIC) + 21:],
}


@pytest.mark.parametrize("kind", ["compiled", "plan"])
@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_entry_is_ignored_and_rebuilt(plan_file, tmp_path, kind, corrupt):
    folder = tmp_path / CACHE_DIR
    PlanCache(folder).compiled(plan_file)
    [entry] = [p for p in entries(tmp_path) if p.suffix == f".{kind}"]
    entry.write_bytes(corrupt(entry.read_bytes()))
    cache = PlanCache(folder)
    got = cache.compiled(plan_file) if kind == "compiled" else cache.plan(plan_file)
    fresh = load_plan(plan_file)
    assert got == (compile_plan(fresh) if kind == "compiled" else fresh)
    assert cache.misses == 1
    rebuilt = PlanCache(folder)  # the entry was written again, whole
    assert (rebuilt.compiled(plan_file) if kind == "compiled" else rebuilt.plan(plan_file)) == got
    assert (rebuilt.hits, rebuilt.misses) == (1, 0)


def test_an_entry_of_another_plan_under_the_same_name_is_not_used(tmp_path, monkeypatch):
    """Entry files are named by a CRC-32 of the key: a shared name costs a rebuild, never another plan."""
    one, other = tmp_path / "one.yaml", tmp_path / "other.yaml"
    shutil.copy(EXAMPLE_PLAN, one)
    other.write_text(EXAMPLE_PLAN.read_text().replace("plan: ecommerce", "plan: other"), "utf-8")
    monkeypatch.setattr(PlanCache, "_file", lambda self, key, kind: self.folder / f"shared.{kind}")
    cache = PlanCache(tmp_path / CACHE_DIR)
    assert cache.compiled(one).name == "ecommerce"
    assert cache.compiled(other).name == "other"
    assert cache.plan(one).name == "ecommerce"
    assert cache.misses == 3


def test_a_changed_plan_is_read_again(plan_file, tmp_path):
    cache = PlanCache(tmp_path / CACHE_DIR)
    before = cache.compiled(plan_file)
    plan_file.write_text(plan_file.read_text("utf-8").replace("version: 2.1.0", "version: 2.2.0"), "utf-8")
    after = PlanCache(tmp_path / CACHE_DIR).compiled(plan_file)
    assert (before.version, after.version) == ("2.1.0", "2.2.0")
    assert after == compile_plan(load_plan(plan_file))


def test_a_csv_plans_sidecar_is_part_of_its_key(tmp_path):
    plan = tmp_path / "ecommerce.csv"
    shutil.copy(CASES / "plans" / "ecommerce.csv", plan)
    key_without = entry_key(plan)
    shutil.copy(CASES / "plans" / "ecommerce.meta.yaml", tmp_path / "ecommerce.meta.yaml")
    cache = PlanCache(tmp_path / CACHE_DIR)
    with_sidecar = cache.plan(plan)
    assert entry_key(plan) != key_without
    sidecar = tmp_path / "ecommerce.meta.yaml"
    sidecar.write_text(sidecar.read_text("utf-8").replace(f"version: {with_sidecar.version}", "version: 9.9.9"), "utf-8")
    assert PlanCache(tmp_path / CACHE_DIR).plan(plan) == load_plan(plan)
    assert load_plan(plan).version == "9.9.9"


def test_the_name_and_version_given_and_the_code_are_part_of_the_key(plan_file, monkeypatch):
    keys = {entry_key(plan_file), entry_key(plan_file, name="renamed"), entry_key(plan_file, version="3.0.0")}
    monkeypatch.setattr(plan_cache, "code_stamp", lambda: (("protocol_kit/plan/builder.py", 1, 2),))
    keys.add(entry_key(plan_file))
    assert len(keys) == 4


def test_a_plan_that_cannot_be_read_is_reported_as_without_the_cache(tmp_path):
    from protocol_kit.errors import PlanError

    with pytest.raises(PlanError, match="no such file"):
        PlanCache(tmp_path / CACHE_DIR).compiled(tmp_path / "missing.yaml")
    assert not (tmp_path / CACHE_DIR).exists()


def test_a_cache_that_cannot_be_written_changes_nothing(plan_file, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go")
    cache = PlanCache(blocked)
    assert cache.compiled(plan_file) == compile_plan(load_plan(plan_file))
    assert cache.compiled(plan_file) == compile_plan(load_plan(plan_file))
    assert cache.misses == 2


def test_entries_beyond_the_limit_are_removed_oldest_first(tmp_path, monkeypatch):
    monkeypatch.setattr(plan_cache, "MAX_ENTRIES", 3)
    cache = PlanCache(tmp_path / CACHE_DIR)
    for number in range(4):
        plan = tmp_path / f"plan{number}.yaml"
        plan.write_text(EXAMPLE_PLAN.read_text().replace("plan: ecommerce", f"plan: p{number}"), "utf-8")
        cache.plan(plan)
    assert len(entries(tmp_path)) == 3
    assert PlanCache(tmp_path / CACHE_DIR).plan(tmp_path / "plan3.yaml").name == "p3"


def test_a_compiled_plan_json_would_change_is_not_kept():
    nan = CompiledPlan(name="p", version=None, schemas=(CompiledSchema("track", "E", "track/e.json",
                                                                       {"minimum": float("nan")}),))
    tupled = CompiledPlan(name="p", version=None, schemas=(CompiledSchema("track", "E", "track/e.json",
                                                                          {"enum": ("a", "b")}),))
    assert plan_cache._compiled_bytes(nan) is None
    assert plan_cache._compiled_bytes(tupled) is None
