"""The import contract: no module imports a layer above its own.

    cli > front ends > commands (the library facade) > report > tools (validation, scan, ...)
        > compile | pii | events > plan > core (violation, codes, results, policy, config, ...)

Modules of one layer may import each other only inside their own package (validation does not
import scan). A package not listed below is a tool: it may use compile, pii, events, plan and
core, and nothing above. Imports inside functions count too. One front end composes another, through
its public package only: the pytest plugin's ``collector`` fixture runs the collector
(``protocol_kit.serve``, not its modules).

The command line reaches the core through the library facade only: a ``cli`` module imports
``protocol_kit.commands``, the report layer, a tool's ``render`` module (its own text output), other
``cli`` modules, core modules (errors, config, codes...) and the public package of a front end it
starts (``protocol_kit.serve``); never a tool, compile, pii, events or plan directly.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "protocol_kit"
LAYERS = (
    ("cli",),  # with protocol_kit/__main__.py
    ("serve", "pytest_plugin", "spark", "dask"),
    ("commands",),
    ("report",),
    ("codegen",),  # generated clients validate through the engine; the scanner reads their calls
    ("validation", "scan"),  # and every package not named here
    ("compile", "pii", "events"),
    ("plan",),
    ("core",),
)
COMPOSED = {("pytest_plugin", "protocol_kit.serve")}  # (importing layer, the one module it may import)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
TOOLS = RANK["validation"]


def layer_of(module: str) -> str | None:
    """The layer name of a ``protocol_kit`` module: its sub-package, ``core`` for top-level modules."""
    parts = module.split(".")
    if parts[0] != "protocol_kit" or len(parts) == 1:
        return None
    if parts[1] == "__main__":
        return "cli"
    if parts[1] in RANK or (PACKAGE / parts[1]).is_dir():
        return parts[1]
    return "core"


def rank_of(layer: str) -> int:
    return RANK.get(layer, TOOLS)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "protocol_kit":  # from protocol_kit import codes, __version__
                found += [(f"protocol_kit.{alias.name}", node.lineno) for alias in node.names
                          if (PACKAGE / f"{alias.name}.py").exists() or (PACKAGE / alias.name).is_dir()]
            else:
                found.append((node.module, node.lineno))
    return found


def upward_imports() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = layer_of(module_name(path))
        if here is None:
            continue
        for target, line in imports(path):
            there = layer_of(target)
            if there is None or there == here or (here, target) in COMPOSED:
                continue
            if rank_of(there) < rank_of(here) or (rank_of(there) == rank_of(here) and here != "core"):
                problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {here} imports {target} ({there})")
    return problems


def test_no_module_imports_a_layer_above_its_own():
    assert upward_imports() == []


@pytest.mark.parametrize("module, layer", [
    ("protocol_kit.cli.main", "cli"), ("protocol_kit.results", "core"), ("protocol_kit.plan.lint.engine", "plan"),
    ("protocol_kit.validation.api", "validation"), ("jsonschema", None),
])
def test_layers_are_named_as_documented(module, layer):
    assert layer_of(module) == layer


def test_the_check_finds_an_upward_import(tmp_path, monkeypatch):
    """A plan module importing the report layer is caught (the test is not vacuous)."""
    fake = tmp_path / "protocol_kit"
    (fake / "plan").mkdir(parents=True)
    (fake / "report").mkdir()
    (fake / "plan" / "x.py").write_text("from protocol_kit.report.data import ReportData\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    assert upward_imports() == ["protocol_kit/plan/x.py:1: plan imports protocol_kit.report.data (report)"]


def test_a_composed_front_end_is_reached_through_its_public_package_only(tmp_path, monkeypatch):
    fake = tmp_path / "protocol_kit"
    (fake / "pytest_plugin").mkdir(parents=True)
    (fake / "serve").mkdir()
    (fake / "pytest_plugin" / "x.py").write_text("from protocol_kit.serve import running_collector\n"
                                                 "from protocol_kit.serve.store import EventStore\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    assert upward_imports() == [
        "protocol_kit/pytest_plugin/x.py:2: pytest_plugin imports protocol_kit.serve.store (serve)"]


CLI_REACHES = ("commands", "report", "cli", "core")  # layers a cli module may import
CLI_FRONT_ENDS = {"protocol_kit.serve"}  # front ends the cli starts, through their public package


def facade_bypasses() -> list[str]:
    problems = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        for target, line in imports(path):
            there = layer_of(target)
            if there is None or there in CLI_REACHES or target in CLI_FRONT_ENDS or target.endswith(".render"):
                continue
            problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: cli imports {target} ({there})")
    return problems


def test_the_cli_reaches_the_core_through_the_facade_only():
    assert facade_bypasses() == []


def test_the_facade_check_finds_a_cli_module_importing_a_tool(tmp_path, monkeypatch):
    fake = tmp_path / "protocol_kit"
    (fake / "cli").mkdir(parents=True)
    (fake / "diff").mkdir()
    (fake / "scan").mkdir()
    (fake / "cli" / "x_cmd.py").write_text("from protocol_kit.diff import diff_plans\n"
                                          "from protocol_kit.commands.diff_command import diff\n"
                                          "from protocol_kit.scan.render import summary\n"
                                          "from protocol_kit.config import load_config\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    assert facade_bypasses() == ["protocol_kit/cli/x_cmd.py:1: cli imports protocol_kit.diff (diff)"]
