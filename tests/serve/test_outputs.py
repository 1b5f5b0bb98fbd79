"""The collector's files: --out read back by validate, enforce mode's outputs, and the command's shutdown."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from protocol_kit.serve import CollectorSettings, Files
from tests.serve.http import get, post
from tests.wire.conftest import PLAN

TRACK = {"type": "track", "event": "Products Searched", "userId": "u-1", "properties": {"query": "socks"}}
WRONG = {"type": "track", "event": "Order Completed", "userId": "u-1", "properties": {"total": "12"}}
BODIES = [
    ("/v1/batch", {"batch": [TRACK, WRONG, dict(TRACK, event="Products Serched")]}),
    ("/batch/", {"api_key": "phc", "batch": [{"event": "Products Searched", "distinct_id": "u-2",
                                              "properties": {"query": "mail me: jane.doe@example.org"}}]}),
    ("/2/httpapi", {"api_key": "a", "events": [{"event_type": "Products Searched", "user_id": "u-3",
                                                "event_properties": {"query": "x"}}, {"user_id": "u-3"}]}),
]


def send_all(url: str) -> None:
    for path, body in BODIES:
        assert post(url + path, body).status == 200


def test_out_holds_every_event_and_validate_reads_it_back(serve, tmp_path, protocol_kit):
    out = tmp_path / "events.jsonl"
    running = serve(CollectorSettings(files=Files(out=out)))
    send_all(running.url)
    summary = get(running.url + "/pk/summary").json()
    assert summary["total"] == 6 == len(out.read_bytes().splitlines())

    outcome = protocol_kit("validate", "--plan", str(PLAN), str(out), "--format", "json")
    report = json.loads(outcome.stdout)["summary"]
    assert (report["events"], report["valid"], report["invalid"]) == (6, summary["valid"], summary["invalid"])
    assert report["by_code"] == summary["by_code"]
    assert set(summary["by_code"]) == {"EV001", "EV002", "EV003", "EV004", "PII001"}


def test_enforce_mode_splits_valid_and_quarantined_events_losing_none(serve, tmp_path, protocol_kit):
    valid, quarantine = tmp_path / "valid.jsonl", tmp_path / "quarantine.jsonl"
    running = serve(CollectorSettings(mode="enforce", files=Files(valid_out=valid, quarantine_out=quarantine)))
    send_all(running.url)
    summary = get(running.url + "/pk/summary").json()
    outcomes = summary["outcomes"]  # personal data is flagged (PII001), and passes: as validate does
    assert outcomes == {"passed": 3, "dropped": 0, "quarantined": 3, "reported": 0}
    assert len(valid.read_bytes().splitlines()) == outcomes["passed"]
    assert len(quarantine.read_bytes().splitlines()) == outcomes["quarantined"]
    back = protocol_kit("validate", "--plan", str(PLAN), str(quarantine), "--format", "json")
    assert json.loads(back.stdout)["summary"]["invalid"] == 3
    passed = protocol_kit("validate", "--plan", str(PLAN), str(valid), "--format", "json")
    assert json.loads(passed.stdout)["summary"]["by_code"] == {"PII001": 1}  # flagged, not blocked


def test_the_command_flushes_prints_the_summary_and_writes_reports_on_sigint(tmp_path, loopback_only, time_limit):
    out, junit = tmp_path / "events.jsonl", tmp_path / "junit.xml"
    command = [sys.executable, "-m", "protocol_kit", "serve", "--plan", str(PLAN), "--port", "0", "--out", str(out),
               "--report", f"junit={junit}"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(Path.cwd())})
    try:
        url = re.search(r"listening on (http://127\.0\.0\.1:\d+)", server.stderr.readline()).group(1)
        send_all(url)
    finally:
        server.send_signal(signal.SIGINT)
        stdout, stderr = server.communicate(timeout=30)
    assert server.returncode == 1, stderr  # invalid events were received
    assert "6 event(s) read, 2 valid, 4 invalid" in stdout
    assert len(out.read_bytes().splitlines()) == 6
    assert "<testsuite" in junit.read_text("utf-8")


def test_sigterm_stops_it_too_and_a_clean_run_exits_0(tmp_path, loopback_only, time_limit):
    server = subprocess.Popen([sys.executable, "-m", "protocol_kit", "serve", "--plan", str(PLAN), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(Path.cwd())})
    try:
        url = re.search(r"(http://127\.0\.0\.1:\d+)", server.stderr.readline()).group(1)
        assert post(url + "/v1/track", TRACK).status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        stdout, _ = server.communicate(timeout=30)
    assert server.returncode == 0 and "1 event(s) read, 1 valid, 0 invalid" in stdout


def test_record_mode_refuses_enforce_outputs(protocol_kit, tmp_path):
    outcome = protocol_kit("serve", "--plan", str(PLAN), "--valid-out", str(tmp_path / "v.jsonl"))
    assert outcome.code == 2 and "--mode enforce" in outcome.stderr


def test_a_port_in_use_is_a_usage_error(collector, protocol_kit):
    outcome = protocol_kit("serve", "--plan", str(PLAN), "--port", str(collector.port))
    assert outcome.code == 2 and f"cannot listen on 127.0.0.1:{collector.port}" in outcome.stderr
