"""Start-up: `--help` imports no command, and libraries needed only on some paths load only there.

Figures are measured by bench/startup_bench.py (docs/benchmarks.md); these tests check what is imported.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from protocol_kit.cli.main import COMMANDS, cli, short_help

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "ecommerce.yaml"
EVENT = '{"type": "track", "event": "Order Completed", "properties": {"order_id": "o-1", "total": 1, "currency": "EUR"}}\n'


def modules_after(args: list[str], cwd: Path) -> set[str]:
    """The modules a fresh process has imported once ``protocol-kit ARGS`` is done."""
    code = ("import sys, json; from protocol_kit.cli.exit import run_cli; from protocol_kit.cli.main import cli; "
            f"run_cli(cli, {args!r}); print(json.dumps(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_help_table_is_each_commands_short_help(name):
    assert cli.get_command(None, name).get_short_help_str(limit=200) == short_help(name)


def test_help_imports_no_command(tmp_path):
    loaded = modules_after(["--help"], tmp_path)
    assert not {m for m in loaded if m.startswith("protocol_kit.cli.") and m.endswith("_cmd")}
    assert not {m for m in loaded if m.startswith(("protocol_kit.commands", "protocol_kit.plan", "jsonschema"))}


def test_one_file_validate_and_scan_leave_heavy_libraries_alone(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit]\n")
    (tmp_path / "one.jsonl").write_text(EVENT)
    (tmp_path / "app.js").write_text('analytics.track("Order Completed", {order_id: "o", total: 1, currency: "EUR"})\n')
    validated = modules_after(["validate", "--plan", str(PLAN), "one.jsonl", "--format", "json"], tmp_path)
    scanned = modules_after(["scan", "--plan", str(PLAN), "app.js", "--format", "concise"], tmp_path)
    for loaded in (validated, scanned):
        assert "jsonschema" not in loaded  # python-jsonschema only explains; jsonschema-rs decides
        assert not {m for m in loaded if m.split(".")[0] in ("tabulate", "pandas", "openpyxl")}
    assert "protocol_kit.scan" not in validated and "protocol_kit.validation.engine" not in scanned


def test_a_second_run_takes_the_plan_from_the_cache_and_loads_only_what_it_needs(tmp_path):
    """Run again on the same plan, validate reads the compiled plan back (no YAML parser, no plan loaders,
    no compiler, no baseline), scan the plan itself (compiling only the property schemas its calls are checked against, as
    validate checks them); a valid event needs no explaining, and --pii off no detector."""
    (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit]\n")
    (tmp_path / "one.jsonl").write_text(EVENT)
    (tmp_path / "app.js").write_text('analytics.track("Order Completed", {order_id: "o", total: 1, currency: "EUR"})\n')
    validate = ["validate", "--plan", str(PLAN), "one.jsonl", "--format", "json"]
    scan = ["scan", "--plan", str(PLAN), "app.js", "--format", "concise"]
    cold = modules_after(validate, tmp_path)
    assert {"yaml", "protocol_kit.plan.builder", "protocol_kit.compile.compiler"} <= cold
    warm = modules_after(validate, tmp_path)
    reading = {"yaml", "protocol_kit.plan.builder", "protocol_kit.plan.yaml_loader", "protocol_kit.plan.model",
               "protocol_kit.compile.compiler", "pickle"}
    assert not warm & reading
    assert not warm & {"protocol_kit.validation.checks", "protocol_kit.validation.rules", "protocol_kit.pii.transform",
                       "protocol_kit.report.baseline", "protocol_kit.baseline", "hashlib", "tempfile", "shutil"}
    assert "protocol_kit.validation.personal" not in modules_after([*validate, "--pii", "off"], tmp_path)
    modules_after(scan, tmp_path)
    assert not modules_after(scan, tmp_path) & {"yaml", "protocol_kit.plan.builder", "protocol_kit.plan.yaml_loader"}
