"""Faults end cleanly: one line naming the file, exit 2 (130 on ctrl-C, 143 on SIGTERM), no torn or
replaced output, no worker left behind. Each test runs the real command in its own process."""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "ecommerce.yaml"
GOOD = b'{"type":"track","event":"Products Searched","messageId":"g-1","properties":{"query":"socks"}}\n'
BAD = b'{"type":"track","event":"Products Searched","messageId":"b-1","properties":{"query":1}}\n'
linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find worker processes")


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "protocol_kit", *args]


def start(*args: str, cwd: Path, **options) -> subprocess.Popen:
    return subprocess.Popen(command(*args), cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **options)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.name.isdigit() and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def running_with_workers(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, list[int]]:
    """validate --jobs 2 reading from a pipe that stays open: the run waits with its workers started."""
    process = start("validate", "--plan", str(PLAN), "-", "--jobs", "2", "--mode", "block",
                    "--valid-out", "valid.jsonl", *extra, cwd=tmp_path)
    process.stdin.write(GOOD * 5000)
    process.stdin.flush()
    assert wait_for(lambda: len(children(process.pid)) >= 2), "workers did not start"
    time.sleep(0.5)
    return process, children(process.pid)


@linux_only
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_the_parent_is_killed(tmp_path, how):
    (tmp_path / "valid.jsonl").write_bytes(b"earlier run\n")
    process, workers = running_with_workers(tmp_path)
    process.send_signal(how)
    code = process.wait(timeout=20)
    assert wait_for(lambda: not any(alive(w) for w in workers), timeout=10), "workers outlived their parent"
    assert (tmp_path / "valid.jsonl").read_bytes() == b"earlier run\n"
    if how == signal.SIGTERM:
        assert code == 143
        assert process.stderr.read().decode().strip().splitlines() == [
            "terminated: no output was written or replaced"]
        assert not list(tmp_path.glob(".*.partial"))


@linux_only
def test_ctrl_c_exits_130_with_one_line_and_keeps_earlier_outputs(tmp_path):
    (tmp_path / "valid.jsonl").write_bytes(b"earlier run\n")
    process, workers = running_with_workers(tmp_path)
    for worker in workers:  # a terminal sends ctrl-C to the whole process group: workers ignore it
        os.kill(worker, signal.SIGINT)
    process.send_signal(signal.SIGINT)
    code = process.wait(timeout=20)
    assert code == 130
    assert process.stderr.read().decode().strip().splitlines() == ["interrupted: no output was written or replaced"]
    assert (tmp_path / "valid.jsonl").read_bytes() == b"earlier run\n"
    assert not list(tmp_path.glob(".*.partial"))
    assert wait_for(lambda: not any(alive(w) for w in workers), timeout=10)


def run(*args: str, cwd: Path, stdin: bytes = b"", **options) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), cwd=cwd, input=stdin, capture_output=True, timeout=120, **options)


def one_error_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_full_device(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(GOOD * 100)
    done = run("validate", "--plan", str(PLAN), "e.jsonl", "--mode", "block", "--valid-out", "/dev/full", cwd=tmp_path)
    assert done.returncode == 2
    assert one_error_line(done) == "error: cannot write /dev/full: No space left on device"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_file_size_limit_leaves_the_earlier_output(tmp_path, jobs):
    """With --jobs, the workers' parts of the output hit the limit: the same one line, no part left behind."""
    (tmp_path / "e.jsonl").write_bytes(GOOD * 20000)
    (tmp_path / "valid.jsonl").write_bytes(b"earlier run\n")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    done = run("validate", "--plan", str(PLAN), "e.jsonl", "--mode", "block", "--valid-out", "valid.jsonl",
               "--jobs", jobs, cwd=tmp_path, preexec_fn=limit)
    assert done.returncode == 2
    assert one_error_line(done) == "error: cannot write valid.jsonl: File too large"
    assert (tmp_path / "valid.jsonl").read_bytes() == b"earlier run\n"
    cache = tmp_path / ".protocol-kit-cache"  # the plan cache of the project (protocol_kit/cache.py)
    assert sorted(p.name for p in tmp_path.iterdir() if p != cache) == ["e.jsonl", "valid.jsonl"]
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]  # no torn cache entry either


def test_missing_output_folder_is_refused_before_reading(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(GOOD)
    done = run("validate", "--plan", str(PLAN), "e.jsonl", "--mode", "block", "--valid-out", "no/such/valid.jsonl",
               cwd=tmp_path)
    assert done.returncode == 2
    assert one_error_line(done) == "error: cannot write no/such/valid.jsonl: folder no/such does not exist"


def test_closed_stdout(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(GOOD)
    done = subprocess.run(" ".join(command("validate", "--plan", str(PLAN), "e.jsonl")) + " >&-", shell=True,
                          cwd=tmp_path, capture_output=True, timeout=120)
    assert done.returncode == 2
    assert one_error_line(done) == "error: cannot write <stdout>: it is closed"


@pytest.mark.parametrize("link", ["same", "hard", "symbolic", "other_output"])
def test_an_output_that_is_an_input_is_refused(tmp_path, link):
    events = tmp_path / "e.jsonl"
    events.write_bytes(GOOD * 10 + BAD * 2)
    target = {"same": "e.jsonl", "hard": "hard.jsonl", "symbolic": "sym.jsonl", "other_output": "q.jsonl"}[link]
    if link == "hard":
        os.link(events, tmp_path / target)
    elif link == "symbolic":
        (tmp_path / target).symlink_to(events)
    quarantine = "q.jsonl" if link == "other_output" else "quarantine.jsonl"
    done = run("validate", "--plan", str(PLAN), "e.jsonl", "--mode", "quarantine", "--valid-out", target,
               "--quarantine-out", quarantine, "--jobs", "2", cwd=tmp_path)
    assert done.returncode == 2
    assert "refusing to overwrite it" in one_error_line(done)
    assert events.read_bytes() == GOOD * 10 + BAD * 2
    assert not (tmp_path / "quarantine.jsonl").exists() and not (tmp_path / "q.jsonl").exists()


def test_report_file_that_is_the_plan_is_refused(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN.read_bytes())
    (tmp_path / "e.jsonl").write_bytes(GOOD)
    done = run("validate", "--plan", "plan.yaml", "e.jsonl", "--report", "json=plan.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert plan.read_bytes() == PLAN.read_bytes()


def test_rerun_replaces_and_append_adds(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(GOOD * 3)
    args = ("validate", "--plan", str(PLAN), "e.jsonl", "--mode", "block", "--valid-out", "valid.jsonl")
    assert run(*args, cwd=tmp_path).returncode == 0
    assert run(*args, cwd=tmp_path).returncode == 0
    assert (tmp_path / "valid.jsonl").read_bytes() == GOOD * 3
    assert run(*args, "--append", cwd=tmp_path).returncode == 0
    assert (tmp_path / "valid.jsonl").read_bytes() == GOOD * 6


@pytest.mark.parametrize("command_args", [("lint", "plan.yaml"), ("scan", "app.js", "--plan", "plan.yaml")])
def test_lint_and_scan_reports_never_overwrite_their_inputs(tmp_path, command_args):
    (tmp_path / "plan.yaml").write_bytes(PLAN.read_bytes())
    (tmp_path / "app.js").write_text('analytics.track("Order Completed", {order_id: "o"});\n', encoding="utf-8")
    target = command_args[1]
    before = (tmp_path / target).read_bytes()
    done = run(*command_args, "--report", f"json={target}", cwd=tmp_path)
    assert done.returncode == 2
    assert "refusing to overwrite it" in one_error_line(done)
    assert (tmp_path / target).read_bytes() == before
