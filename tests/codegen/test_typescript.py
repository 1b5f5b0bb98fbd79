"""The generated TypeScript compiled with the real `tsc --strict`, and run with node over @segment/analytics-node."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.codegen.conftest import node_env, write_client

USAGE = Path(__file__).parent / "typescript"
TSCONFIG = {"compilerOptions": {"strict": True, "target": "ES2020", "module": "commonjs", "moduleResolution": "node",
                                "types": ["node"], "noUnusedLocals": True, "noUnusedParameters": True,
                                "outDir": "dist", "skipLibCheck": False}}
TSC_ERROR = re.compile(r"^(?P<file>[^(\s]+)\((?P<line>\d+),(?P<column>\d+)\): error (?P<code>TS\d+): (?P<message>.*)$")


def project(tmp_path: Path, node_tools: Path, files: list[str], *, plan: str = "ecommerce",
            mode: str = "development") -> Path:
    """A folder with the generated client, the given usage files, a strict tsconfig and the node tools."""
    write_client(plan, "typescript", tmp_path / "analytics.ts", mode=mode)
    for name in files:
        shutil.copy(USAGE / name, tmp_path / name)
    (tmp_path / "tsconfig.json").write_text(json.dumps({**TSCONFIG, "files": files}), encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(node_tools, target_is_directory=True)
    return tmp_path


def tsc(folder: Path, node_tools: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(node_tools / ".bin" / "tsc"), "-p", str(folder), *args], cwd=folder,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("plan", ["ecommerce", "saas"])
@pytest.mark.parametrize("mode", ["development", "production"])
def test_generated_module_compiles_strict(plan, mode, tmp_path, node_tools):
    folder = project(tmp_path, node_tools, [], plan=plan, mode=mode)
    config = json.loads((folder / "tsconfig.json").read_text())
    config["files"] = ["analytics.ts"]
    (folder / "tsconfig.json").write_text(json.dumps(config))
    done = tsc(folder, node_tools, "--noEmit")
    assert done.returncode == 0, done.stdout


def test_correct_usage_compiles(tmp_path, node_tools):
    done = tsc(project(tmp_path, node_tools, ["usage_ok.ts"]), node_tools, "--noEmit")
    assert done.returncode == 0, done.stdout


def test_planted_mistakes_fail_with_their_errors(tmp_path, node_tools):
    done = tsc(project(tmp_path, node_tools, ["usage_mistakes.ts"]), node_tools, "--noEmit")
    assert done.returncode != 0
    errors = [m.groupdict() for m in map(TSC_ERROR.match, done.stdout.splitlines()) if m]
    by_line = {int(e["line"]): e for e in errors}
    assert sorted(by_line) == [5, 6, 7], done.stdout
    assert by_line[5]["code"] == "TS2561" and "'cupon' does not exist" in by_line[5]["message"] \
        and "Did you mean to write 'coupon'?" in by_line[5]["message"]
    assert by_line[6]["code"] == "TS2322" and "'\"YEN\"' is not assignable to type '\"USD\" | \"EUR\" | \"GBP\"'" \
        in by_line[6]["message"]
    assert by_line[7]["code"] == "TS2345" and "OrderCompletedProperties" in by_line[7]["message"]
    assert "Property 'total' is missing" in done.stdout


def test_calls_arrive_through_analytics_node_unchanged_and_violations_throw(tmp_path, node_tools, capture):
    folder = project(tmp_path, node_tools, ["send.ts"])
    built = tsc(folder, node_tools)
    assert built.returncode == 0, built.stdout
    run = subprocess.run(["node", str(folder / "dist" / "send.js"), capture.url], cwd=folder, capture_output=True,
                         text=True, timeout=120, env=node_env(NODE_ENV="test"))
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    received = capture.messages()
    assert [m["type"] for m in received] == ["track", "identify"]
    track, identify = received
    assert track["event"] == "Order Completed" and track["userId"] == "u-1"
    assert track["properties"] == result["sent"][0]
    assert track["context"]["locale"] == "en-US"
    assert identify["traits"] == {"email": "someone@example.com", "plan": "plus"}
    assert {(v["code"], v["path"]) for v in result["violations"]} == {
        ("EV009", "/properties/total"), ("EV007", "/context/locale")}
    assert all(v["severity"] == "error" and v["event"] == "Order Completed" for v in result["violations"])


def test_violations_warn_outside_strict_mode_and_the_call_is_sent(tmp_path, node_tools, capture):
    folder = project(tmp_path, node_tools, ["send.ts"])
    assert tsc(folder, node_tools).returncode == 0
    run = subprocess.run(["node", str(folder / "dist" / "send.js"), capture.url], cwd=folder, capture_output=True,
                         text=True, timeout=120, env=node_env(NODE_ENV="production"))
    assert run.returncode == 0, run.stderr
    assert "protocol-kit: Order Completed: EV009 property 'total' must be >= 0 (at /properties/total)" in run.stderr
    assert [m["properties"]["order_id"] for m in capture.messages() if m["type"] == "track"] == ["o-1", "o-2"]
