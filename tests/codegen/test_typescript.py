"""The generated TypeScript compiled with the real `tsc --strict`, and run with node over @segment/analytics-node."""
from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.codegen.conftest import node_env, versioned_plan, write_client, write_compiled

USAGE = Path(__file__).parent / "typescript"
TSCONFIG = {"compilerOptions": {"strict": True, "target": "ES2020", "module": "commonjs", "moduleResolution": "node",
                                "types": ["node"], "noUnusedLocals": True, "noUnusedParameters": True,
                                "outDir": "dist", "rootDir": ".", "skipLibCheck": False}}
TSC_ERROR = re.compile(r"^(?P<file>[^(\s]+)\((?P<line>\d+),(?P<column>\d+)\): error (?P<code>TS\d+): (?P<message>.*)$")


@dataclass(frozen=True)
class Build:
    folder: Path
    errors: list[dict[str, str]]
    output: str

    def errors_in(self, prefix: str) -> list[dict[str, str]]:
        return [e for e in self.errors if e["file"].startswith(prefix)]


def tsc(folder: Path, node_tools: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(node_tools / ".bin" / "tsc"), "-p", str(folder), *args], cwd=folder,
                          capture_output=True, text=True, timeout=600)


def build(folder: Path, node_tools: Path, files: list[str], *, emit: bool) -> Build:
    config = {**TSCONFIG, "files": files}
    if not emit:
        config["compilerOptions"] = {**TSCONFIG["compilerOptions"], "noEmit": True}
    (folder / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    if not (folder / "node_modules").exists():
        (folder / "node_modules").symlink_to(node_tools, target_is_directory=True)
    done = tsc(folder, node_tools)
    errors = [m.groupdict() for m in map(TSC_ERROR.match, done.stdout.splitlines()) if m]
    return Build(folder, errors, done.stdout)


@pytest.fixture(scope="session")
def programs(tmp_path_factory, node_tools) -> Build:
    """One strict program (one tsc run, emitted): the clients of both plans in both modes, and the usage files."""
    folder = tmp_path_factory.mktemp("typescript")
    files = []
    for plan in ("ecommerce", "saas"):
        for mode in ("development", "production"):
            files += [p.relative_to(folder).as_posix()
                      for p in write_client(plan, "typescript", folder / f"{plan}-{mode}" / "analytics.ts", mode=mode)]
    for name in ("usage_ok.ts", "send.ts", "check.ts"):
        shutil.copy(USAGE / name, folder / "ecommerce-development" / name)
        files.append(f"ecommerce-development/{name}")
    files += [p.relative_to(folder).as_posix() for p in write_compiled(versioned_plan(), "typescript",
                                                                        folder / "versioned" / "analytics.ts")]
    shutil.copy(USAGE / "versions.ts", folder / "versioned" / "versions.ts")
    files.append("versioned/versions.ts")
    return build(folder, node_tools, files, emit=True)


@pytest.mark.parametrize("plan", ["ecommerce", "saas"])
@pytest.mark.parametrize("mode", ["development", "production"])
def test_generated_module_compiles_strict(plan, mode, programs):
    assert (programs.folder / f"{plan}-{mode}" / "analytics.ts").is_file()
    assert programs.errors_in(f"{plan}-{mode}/analytics") == [], programs.output


def test_correct_usage_compiles(programs):
    assert programs.errors_in("ecommerce-development/usage_ok") == [], programs.output
    assert programs.errors == [], programs.output


def test_planted_mistakes_fail_with_their_errors(tmp_path, node_tools):
    write_client("ecommerce", "typescript", tmp_path / "analytics.ts")
    shutil.copy(USAGE / "usage_mistakes.ts", tmp_path)
    done = build(tmp_path, node_tools, ["usage_mistakes.ts"], emit=False)
    by_line = {int(e["line"]): e for e in done.errors}
    assert sorted(by_line) == [5, 6, 7], done.output
    assert by_line[5]["code"] == "TS2561" and "'cupon' does not exist" in by_line[5]["message"] \
        and "Did you mean to write 'coupon'?" in by_line[5]["message"]
    assert by_line[6]["code"] == "TS2322" and "'\"YEN\"' is not assignable to type '\"USD\" | \"EUR\" | \"GBP\"'" \
        in by_line[6]["message"]
    assert by_line[7]["code"] == "TS2345" and "OrderCompletedProperties" in by_line[7]["message"]
    assert "Property 'total' is missing" in done.output


def send(programs: Build, url: str, **env: str) -> subprocess.CompletedProcess:
    script = programs.folder / "dist" / "ecommerce-development" / "send.js"
    return subprocess.run(["node", str(script), url], cwd=programs.folder, capture_output=True, text=True,
                          timeout=120, env=node_env(**env))


def test_calls_arrive_through_analytics_node_unchanged_and_violations_throw(programs, capture):
    run = send(programs, capture.url, NODE_ENV="test")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    received = capture.messages()
    received.sort(key=lambda m: (m["type"], m.get("event", "")))  # one request per call: any order
    assert [(m["type"], m.get("event")) for m in received] == [
        ("identify", None), ("track", "Order Completed"), ("track", "Order Refunded")]
    identify, track, refund = received
    assert refund["event"] == "Order Refunded" and refund["properties"] == {"order_id": "o-1", "reason": "damaged"}
    assert track["event"] == "Order Completed" and track["userId"] == "u-1"
    assert track["properties"] == result["sent"][0]
    assert track["context"]["locale"] == "en-US"
    assert identify["traits"] == {"email": "someone@example.com", "plan": "plus"}
    assert {(v["code"], v["path"]) for v in result["violations"]} == {
        ("EV009", "/properties/total"), ("EV007", "/context/locale")}
    assert all(v["severity"] == "error" and v["event"] == "Order Completed" for v in result["violations"])


def test_violations_warn_outside_strict_mode_and_the_call_is_sent(programs, capture):
    run = send(programs, capture.url, NODE_ENV="production")
    assert run.returncode == 0, run.stderr
    assert "protocol-kit: Order Completed: EV009 property 'total' must be >= 0 (at /properties/total)" in run.stderr
    assert sorted(m["properties"]["order_id"] for m in capture.messages() if m["type"] == "track") == ["o-1", "o-1", "o-2"]


# Payloads of the ecommerce plan, each breaking it in some way (or not at all).
PAYLOADS = [
    {"type": "track", "event": "Order Completed", "userId": "u",
     "properties": {"order_id": "o", "total": 1, "currency": "EUR", "coupon": None}},
    {"type": "track", "event": "Order Completed", "properties": {"order_id": 3, "total": -1, "currency": "YEN",
                                                                 "cupon": "x", "products": [{"quantity": 0}]}},
    {"type": "track", "event": "Order Completed", "context": {"locale": "english", "app": {"name": 1}},
     "properties": {"currency": "EUR"}},
    {"type": "track", "event": "Products Searched", "properties": {"query": "x" * 201, "results_count": 1.5}},
    {"type": "track", "event": "Checkout Step Completed", "properties": {"checkout_id": "c", "step": 6,
                                                                         "payment_method": None}},
    {"type": "track", "event": "Order Cancelled", "properties": {"order_id": "o"}},
    {"type": "identify", "userId": "u", "traits": {"email": "not an email", "created_at": "yesterday"}},
    {"type": "identify", "userId": "u", "traits": {"first_name": "A", "plan": "gold"}},
]


VALUES = [None, True, 0, -1, 1.5, 3, "", "x", "EUR", "USD", "en-US", "english", "2024-01-01T00:00:00Z", "2024-13-01",
          "a@b.co", "not an email", "ABCD-1", "ab", [], [{}], [{"product_id": "p", "quantity": 1}], {}, {"x": 1}, "x" * 300]


def random_payloads(schemas: list[dict], count: int, seed: int = 5) -> list[dict]:
    """Payloads of planned calls with values drawn from VALUES, some unplanned keys and contexts."""
    rng = random.Random(seed)
    payloads = []
    for _ in range(count):
        entry = rng.choice(schemas)
        field = "properties" if entry["call"] == "track" else "traits"
        names = sorted(entry["schema"]["properties"][field]["properties"])
        fields = {name: rng.choice(VALUES) for name in rng.sample(names, k=min(len(names), rng.randint(0, 4)))}
        if rng.random() < 0.2:
            fields[f"extra_{rng.randint(0, 3)}"] = 1
        payload = {"type": entry["call"], field: fields, "userId": "u"}
        if entry["call"] == "track":
            payload["event"] = entry["event"]
        if rng.random() < 0.3:
            payload["context"] = {"locale": rng.choice(VALUES), "app": rng.choice(VALUES)}
        payloads.append(payload)
    return payloads


def test_the_typescript_and_python_clients_find_the_same_violations(programs, tmp_path):
    """One source of truth: Ajv in the TypeScript client and protocol_kit's validator agree on every payload."""
    from tests.codegen.test_python import load

    write_client("ecommerce", "python", tmp_path / "tracking.py")
    module = load(tmp_path / "tracking.py", "tracking_differential")
    python = module._check()
    payloads = PAYLOADS + random_payloads(json.loads(module.SCHEMAS), 400)
    (tmp_path / "payloads.json").write_text(json.dumps(payloads))
    run = subprocess.run(["node", str(programs.folder / "dist" / "ecommerce-development" / "check.js"),
                          str(tmp_path / "payloads.json")], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert [len(found) > 0 for found in results[:len(PAYLOADS)]] == [False] + [True] * (len(PAYLOADS) - 1)
    assert sum(len(found) > 0 for found in results) > len(results) // 2
    for payload, found in zip(payloads, results):
        expected = python(payload)
        assert sorted((code, path) for code, path, _ in found) == sorted((v.code, v.path) for v in expected), payload
        # missing and unplanned properties read as the validator says them (which may add "did you mean")
        worded = {(v.code, v.path): v.message for v in expected if v.code in ("EV003", "EV005")}
        assert all(worded[code, path].startswith(message) for code, path, message in found if (code, path) in worded)
    assert any(code == "EV003" for found in results for code, *_ in found)
    assert any(code == "EV005" for found in results for code, *_ in found)


def test_each_version_of_a_versioned_event_has_its_method_and_sends_its_version(programs):
    assert programs.errors_in("versioned/") == [], programs.output
    run = subprocess.run(["node", str(programs.folder / "dist" / "versioned" / "versions.js")], capture_output=True,
                         text=True, timeout=60, env=node_env())
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert [(m["properties"]["order_id"], m["context"]["protocols"]["event_version"]) for m in result["sent"]] == [
        ("o-1", "1"), ("o-2", "2"), ("o-3", "2")]
    assert result["sent"][0]["context"]["locale"] == "en-US"
    assert [(v["code"], v["path"]) for v in result["found"]] == [("EV003", "/properties/channel")]
