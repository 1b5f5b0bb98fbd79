"""Compiling is deterministic, compile --check reports what is out of date, and committed schemas are current."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plan_support import CASES, ROOT
from protocol_kit.compile import check_schemas, compile_plan
from protocol_kit.config import load_config
from protocol_kit.plan import load_plan

PLAN = (CASES / "compile/nested/plan.yaml").read_text("utf-8")


def _reversed(value):
    """Every mapping with its keys in reverse order; lists (enum values) keep their order."""
    if isinstance(value, dict):
        return {key: _reversed(value[key]) for key in reversed(list(value))}
    return value


@pytest.mark.parametrize("plan", [ROOT / "plans/ecommerce.yaml", ROOT / "plans/saas.yaml"], ids=lambda p: p.stem)
def test_same_plan_same_bytes(plan):
    assert compile_plan(load_plan(plan)).files() == compile_plan(load_plan(plan)).files()


@pytest.mark.parametrize("plan", [ROOT / "plans/ecommerce.yaml", ROOT / "plans/saas.yaml"], ids=lambda p: p.stem)
def test_key_order_in_the_plan_does_not_change_the_output(plan, tmp_path):
    shuffled = tmp_path / plan.name
    shuffled.write_text(yaml.safe_dump(_reversed(yaml.safe_load(plan.read_text("utf-8"))), sort_keys=False),
                        encoding="utf-8")
    assert compile_plan(load_plan(shuffled)).files() == compile_plan(load_plan(plan)).files()


def test_enum_order_is_kept(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: p\nevents:\n  A B:\n    properties:\n      x: {type: string, enum: [b, a]}\n", "utf-8")
    schema = compile_plan(load_plan(plan)).schema_for("track", "A B").schema
    assert schema["properties"]["properties"]["properties"]["x"]["enum"] == ["b", "a"]


@pytest.mark.parametrize("plan", load_config(ROOT).plans, ids=lambda p: p.stem)
def test_committed_schemas_are_current(plan):
    stale = check_schemas(compile_plan(load_plan(plan)), load_config(ROOT).schemas)
    assert stale == [], "run: python -m protocol_kit compile"


def _project(project: Path) -> Path:
    (project / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plan.yaml"]\nschemas = "out"\n', "utf-8")
    (project / "plan.yaml").write_text(PLAN.replace("plan: nested", "plan: shop"), "utf-8")
    return project


def test_check_is_clean_after_compile(project, run):
    _project(project)
    written = run(project, "compile")
    assert written.code == 0
    assert written.out.splitlines() == ["written out/shop/index.json", "written out/shop/track/order_completed.json"]
    assert (run(project, "compile", "--check").code, run(project, "compile").out) == (0, "")


def test_check_lists_stale_missing_and_obsolete_files(project, run):
    _project(project)
    run(project, "compile")
    (project / "out/shop/index.json").write_text("{}", "utf-8")
    (project / "out/shop/track/order_completed.json").unlink()
    (project / "out/shop/track/order_cancelled.json").write_text("{}", "utf-8")
    result = run(project, "compile", "--check")
    assert result.code == 1
    assert result.out.splitlines() == ["stale: out/shop/index.json", "missing: out/shop/track/order_completed.json",
                                       "obsolete: out/shop/track/order_cancelled.json"]
    assert "3 schema file(s) out of date" in result.err
    assert not (project / "out/shop/track/order_completed.json").exists(), "--check writes nothing"


def test_compile_refuses_a_plan_with_errors(project, run):
    _project(project)
    (project / "plan.yaml").write_text("plan: shop\nevents:\n  A B:\n    colour: red\n", "utf-8")
    result = run(project, "compile")
    assert result.code == 2
    assert "plan.yaml:4:5: PL002 unknown key 'colour'" in result.err
    assert not (project / "out").exists()
