"""Inputs are honest: unreadable is exit 2 before anything is written, a path given twice is read once,
gzip is recognised by its bytes on stdin too, and one deep source file costs no other file's findings."""
from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "ecommerce.yaml"
GOOD = b'{"type":"track","event":"Products Searched","messageId":"g-1","properties":{"query":"socks"}}\n'
BAD = b'{"type":"track","event":"Products Searched","messageId":"b-1","properties":{"query":1}}\n'
def without_privileges() -> list[str]:
    """A command prefix under which file permissions apply (root ignores them: a user namespace does not)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("unshare") and subprocess.run(["unshare", "--user", "true"]).returncode == 0:
        return ["unshare", "--user"]
    pytest.skip("running as root and unshare --user is not available: permissions cannot be tested")


@pytest.mark.parametrize("what", ["folder", "file", "file in folder"])
def test_unreadable_input_is_exit_2_before_anything_is_written(tmp_path, what):
    prefix = without_privileges()
    events = tmp_path / "events"
    events.mkdir()
    (events / "a.jsonl").write_bytes(GOOD)
    target = {"folder": events, "file": events / "a.jsonl", "file in folder": events / "a.jsonl"}[what]
    given = "events" if what != "file" else "events/a.jsonl"
    (tmp_path / "valid.jsonl").write_bytes(b"earlier\n")
    target.chmod(0)
    try:
        done = subprocess.run([*prefix, sys.executable, "-m", "protocol_kit", "validate", "--plan", str(PLAN), given,
                               "--mode", "block", "--valid-out", "valid.jsonl"], cwd=tmp_path, capture_output=True,
                              timeout=120)
    finally:
        target.chmod(0o755)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "cannot read" in lines[0] and "ermission denied" in lines[0]
    assert (tmp_path / "valid.jsonl").read_bytes() == b"earlier\n"


def test_a_path_given_twice_is_read_once(project, run):
    (project / "e.jsonl").write_bytes(GOOD + BAD)
    os.link(project / "e.jsonl", project / "same.jsonl")
    result = run(project, "validate", "--plan", str(PLAN), "e.jsonl", "e.jsonl", ".", "same.jsonl", "--format", "concise")
    assert result.code == 1
    assert result.out.count("EV004") == 1


def test_scan_reads_a_path_given_twice_once(project, run):
    (project / "app.js").write_text('analytics.track("Order Completed", {order_id: "o"});\n', encoding="utf-8")
    result = run(project, "scan", "app.js", "app.js", ".", "--plan", str(PLAN), "--format", "concise")
    assert result.out.count("EV003") == 2  # total and currency, once each


def test_gzip_on_stdin(tmp_path):
    done = subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "--plan", str(PLAN), "-",
                           "--format", "concise"], input=gzip.compress(GOOD * 3 + BAD), capture_output=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode().count("EV004") == 1 and b"EV001" not in done.stdout


def test_one_deeply_nested_source_file_costs_no_other_findings(project, run):
    levels = 300  # before: a RecursionError aborted the scan and lost every file's findings
    (project / "deep.js").write_text('analytics.track("Order Completed", ' + "{\n a: " * levels + "1"
                                     + "}\n" * levels + ");\n", encoding="utf-8")
    (project / "deep.py").write_text('analytics.track("u", "Order Completed", ' + '{\n "a": ' * levels + "1"
                                     + "}\n" * levels + ")\n", encoding="utf-8")
    (project / "ok.js").write_text('analytics.track("Order Completed", {order_id: "o"});\n', encoding="utf-8")
    result = run(project, "scan", ".", "--plan", str(PLAN), "--format", "concise")
    assert "Traceback" not in result.err and result.code == 1
    assert "ok.js:1:1: EV003" in result.out and "deep.js" in result.out and "deep.py" in result.out
