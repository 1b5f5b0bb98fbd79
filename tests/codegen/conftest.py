"""Shared fixtures of the codegen tests: generated clients, the node tools, a loopback capture server."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import threading
from copy import deepcopy
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from protocol_kit.codegen import Target, generate
from protocol_kit.compile import CompiledPlan, CompiledSchema, compile_plan
from protocol_kit.plan import load_plan

ROOT = Path(__file__).resolve().parents[2]
NODE = Path(__file__).parent / "node"
PLANS = {path.stem: path for path in sorted((ROOT / "plans").glob("*.yaml"))}


def write_client(plan: str | Path, lang: str, out: Path, mode: str = "development") -> list[Path]:
    """Generate a client of a plan (a name under plans/ or a path) into ``out``; the files written."""
    loaded = load_plan(PLANS[plan] if isinstance(plan, str) else plan)
    generated = generate(compile_plan(loaded), Target(lang=lang, out=out, mode=mode), description=loaded.description)
    for path, text in generated.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(generated.files)


@dataclass(frozen=True, slots=True)
class VersionedSchema(CompiledSchema):
    """A compiled schema of one version of an event, as compilers with event versions give them."""

    version: str | None = None


def versioned_plan() -> CompiledPlan:
    """The ecommerce plan with two versions of Order Completed; version 2 requires a ``channel``."""
    compiled = compile_plan(load_plan(PLANS["ecommerce"]))
    order = compiled.schema_for("track", "Order Completed")
    second = deepcopy(order.schema)
    second["properties"]["properties"]["properties"]["channel"] = {"type": "string", "enum": ["web", "app"]}
    second["properties"]["properties"]["required"].append("channel")
    versions = [VersionedSchema(call="track", event="Order Completed", file=f"track/order_completed/v{v}.json",
                                schema={**schema, "$id": f"urn:protocol-kit:ecommerce:track:order_completed:v{v}"},
                                version=v)
                for v, schema in (("1", order.schema), ("2", second))]
    return replace(compiled, schemas=tuple(s for s in compiled.schemas if s is not order) + tuple(versions))


def write_compiled(compiled: CompiledPlan, lang: str, out: Path) -> list[Path]:
    generated = generate(compiled, Target(lang=lang, out=out))
    for path, text in generated.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(generated.files)


@pytest.fixture(scope="session")
def node_tools() -> Path:
    """tests/codegen/node/node_modules, installed from its lock file with npm (skipped when that cannot be done)."""
    modules = NODE / "node_modules"
    lock = NODE / "package-lock.json"
    stamp = modules / ".package-lock.json"
    if not (stamp.is_file() and stamp.stat().st_mtime >= lock.stat().st_mtime):
        npm = shutil.which("npm")
        if npm is None or shutil.which("node") is None:
            pytest.skip("node tools not installed: npm or node is missing")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NODE,
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            pytest.skip(f"node tools not installed: npm ci failed: {done.stderr.strip()[-500:]}")
    return modules


def node_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NODE_ENV", "PROTOCOL_KIT_STRICT")}
    return {**env, **extra}


class Capture:
    """A loopback HTTP server keeping the JSON body of every request it receives."""

    def __init__(self) -> None:
        self.bodies: list[tuple[str, object]] = []
        capture = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Content-Encoding") == "gzip":
                    data = gzip.decompress(data)
                capture.bodies.append((self.path, json.loads(data)))
                body = b'{"status": 1}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def messages(self) -> list[dict]:
        """The messages of every batch received, in order."""
        return [m for _, body in self.bodies for m in (body.get("batch", [body]) if isinstance(body, dict) else body)]


@pytest.fixture
def capture():
    server = Capture()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()
