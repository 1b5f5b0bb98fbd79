"""protocol-kit codegen as a user runs it: targets from pyproject.toml, --check, headers and errors."""
from __future__ import annotations

import shutil

import pytest

from protocol_kit.codegen.model import schemas_digest
from protocol_kit.compile import compile_plan
from protocol_kit.plan import load_plan
from tests.codegen.conftest import PLANS

TARGETS = """
[tool.protocol-kit]
plans = ["plans/ecommerce.yaml"]

[[tool.protocol-kit.codegen.targets]]
lang = "typescript"
out = "web/src/analytics.ts"

[[tool.protocol-kit.codegen.targets]]
lang = "python"
out = "app/tracking"
mode = "production"
"""


@pytest.fixture
def shop(tmp_path):
    (tmp_path / "plans").mkdir()
    shutil.copy(PLANS["ecommerce"], tmp_path / "plans" / "ecommerce.yaml")
    (tmp_path / "pyproject.toml").write_text(TARGETS, encoding="utf-8")
    return tmp_path


def test_configured_targets_are_written_then_up_to_date(shop, run):
    first = run(shop, "codegen")
    assert first.code == 0
    assert first.out.splitlines() == ["written web/src/analytics.schemas.ts", "written web/src/analytics.ts",
                                      "written app/tracking/__init__.py", "written app/tracking/py.typed"]
    again = run(shop, "codegen")
    assert again.code == 0 and again.out == ""
    check = run(shop, "codegen", "--check")
    assert check.code == 0 and "generated clients are up to date" in check.err


def test_check_lists_stale_and_missing_files_and_exits_1(shop, run):
    run(shop, "codegen")
    with (shop / "web" / "src" / "analytics.ts").open("a") as module:
        module.write("// edited by hand\n")
    (shop / "app" / "tracking" / "py.typed").unlink()
    plan = shop / "plans" / "ecommerce.yaml"
    plan.write_text(plan.read_text().replace("version: 2.1.0", "version: 2.2.0"))
    check = run(shop, "codegen", "--check")
    assert check.code == 1
    assert check.out.splitlines() == ["stale: web/src/analytics.schemas.ts", "stale: web/src/analytics.ts",
                                      "stale: app/tracking/__init__.py", "missing: app/tracking/py.typed"]
    assert "4 generated file(s) out of date; run `protocol-kit codegen`" in check.err
    assert not (shop / "app" / "tracking" / "py.typed").exists()  # --check writes nothing


def test_each_header_names_the_plan_its_version_and_the_schemas_digest(shop, run):
    run(shop, "codegen")
    digest = schemas_digest(compile_plan(load_plan(shop / "plans" / "ecommerce.yaml")))
    for path in ("web/src/analytics.ts", "web/src/analytics.schemas.ts", "app/tracking/__init__.py"):
        head = (shop / path).read_text().splitlines()[:2]
        assert "tracking plan 'ecommerce', version 2.1.0. Do not edit." in head[0]
        assert head[1].endswith(f"Schemas digest: {digest}")


def test_one_target_from_the_command_line(shop, run):
    done = run(shop, "codegen", "plans/ecommerce.yaml", "--lang", "python", "--out", "gen/shop.py")
    assert done.code == 0 and done.out == "written gen/shop.py\n"
    production = run(shop, "codegen", "--lang", "typescript", "--out", "gen/ts", "--mode", "production")
    assert production.out == "written gen/ts/index.ts\n"


@pytest.mark.parametrize("table, message", [
    ('[[tool.protocol-kit.codegen.targets]]\nlang = "go"\nout = "x"\n', "unknown lang 'go'; expected one of: "
                                                                       "typescript, python"),
    ('[[tool.protocol-kit.codegen.targets]]\nlang = "python"\n', "target 1: 'out' is required"),
    ('[[tool.protocol-kit.codegen.targets]]\nlang = "python"\nout = "x.py"\nmdoe = "production"\n',
     "unknown key 'mdoe' (did you mean 'mode'?)"),
    ('[tool.protocol-kit.codegen]\ntarget = []\n', "unknown key 'target' in [tool.protocol-kit.codegen]"),
    ("", "no codegen target: give --lang and --out"),
])
def test_configuration_errors_exit_2_with_their_reason(shop, run, table, message):
    (shop / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plans/ecommerce.yaml"]\n\n' + table)
    done = run(shop, "codegen")
    assert done.code == 2
    assert message in done.err


def test_usage_errors_exit_2(shop, run):
    assert run(shop, "codegen", "--lang", "python").code == 2
    assert "--mode goes with --lang and --out" in run(shop, "codegen", "--mode", "production").err
    (shop / "plans" / "saas.yaml").write_text(PLANS["saas"].read_text())
    several = run(shop, "codegen", "plans/ecommerce.yaml", "plans/saas.yaml", "--lang", "python", "--out", "x.py")
    assert several.code == 2 and "from one plan, and 2 are given" in several.err


def test_pattern_syntax_that_differs_between_languages_is_warned(shop, run):
    plan = shop / "plans" / "ecommerce.yaml"
    plan.write_text(plan.read_text().replace('pattern: "^[A-Z0-9-]{4,32}$"', r'pattern: "^\\d{4,32}$"'))
    done = run(shop, "codegen")
    assert done.code == 0
    assert ("ecommerce: Product Viewed: CG001 pattern '^\\\\d{4,32}$' of 'sku': \\d, \\w, \\s and \\b match "
            "Unicode digits, letters and spaces in Python but only ASCII ones in JavaScript") in done.err
