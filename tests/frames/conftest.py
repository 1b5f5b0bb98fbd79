"""Spark (local mode) and Dask (local scheduler) against the CLI, on the example events and a generated corpus."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench import corpus

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "events" / "ecommerce.jsonl"
EXAMPLE_PLAN = ROOT / "plans" / "ecommerce.yaml"
COMPARED = ("code", "kind", "severity", "event", "event_type", "path", "message", "expected", "actual",
            "message_id")


@pytest.fixture(scope="session")
def spark():
    """One small local Spark session for every Spark test: two cores, no UI, loopback only."""
    pytest.importorskip("pyspark", reason="pyspark not installed: pip install 'protocol-kit[spark]'")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("java not installed: Spark needs a Java runtime (.ci/run installs default-jre-headless)")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers import protocol_kit from this environment
    session = (SparkSession.builder.master("local[2]").appName("protocol-kit-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.pyspark.python", sys.executable).getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    """A generated plan and 3,000 events of it (about 5% invalid), as (plan, events)."""
    folder = tmp_path_factory.mktemp("corpus")
    document = corpus.plan_document()
    return corpus.write_plan(folder), corpus.write_corpus(folder / "events.jsonl", document, 3000)


def cli_violations(plan: Path, events: Path) -> list[tuple]:
    """Every violation ``protocol-kit validate`` reports, as (line, *COMPARED), sorted."""
    done = subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "--plan", str(plan), str(events),
                           "--format", "jsonl", "--max-violations", "1000000", "--fail-on", "never"],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    found = []
    for line in done.stdout.splitlines():
        v = json.loads(line)
        found.append((v["source"]["line"], *(text(v[name]) for name in COMPARED)))
    return sorted(found, key=order)


def text(value):
    """A field as frames hold it: JSON text for anything that is not a string or null."""
    return value if value is None or isinstance(value, str) else json.dumps(value, separators=(",", ":"))


def order(row: tuple) -> tuple:
    return tuple("" if v is None else str(v) for v in row)


def numbered_lines(events: Path) -> list[tuple[int, str]]:
    """(line number, line) as the CLI reads them: with the line end, so that positions in messages agree."""
    return list(enumerate(events.read_text("utf-8").splitlines(keepends=True), start=1))
