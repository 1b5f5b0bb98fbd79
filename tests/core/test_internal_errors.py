"""The exit-code contract holds on crashes: one line and exit 2 on a bug, 130 on ctrl-C."""
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from protocol_kit import __version__
from protocol_kit.cli.main import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent.parent
LINE = re.compile(rf"^internal error: RuntimeError: the disk is on fire \(protocol-kit {re.escape(__version__)}; "
                  r"rerun with --traceback \(or PROTOCOL_KIT_TRACEBACK=1\) to see where\)$")


@pytest.fixture
def broken(monkeypatch):
    """Make command ``name`` raise an unexpected exception when it runs."""
    def breaking(name, error=RuntimeError("the disk is on fire\nsecond line")):
        command = cli.get_command(None, name)

        def boom(*args, **kwargs):
            raise error
        monkeypatch.setattr(command, "callback", boom)
    return breaking


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_exits_2_with_one_line_on_an_internal_error(protocol_kit, broken, name, monkeypatch,
                                                                   tmp_path):
    monkeypatch.delenv("PROTOCOL_KIT_TRACEBACK", raising=False)
    monkeypatch.chdir(tmp_path)
    for file in ("x", "results.json", "plan.yaml"):
        (tmp_path / file).write_text("{}")
    broken(name)
    args = {"explain": ["EV003"], "digest": ["results.json"], "export": ["plan.yaml"],
            "import": ["x", "--out", "imported.yaml"], "infer": ["x", "--out", "draft.yaml"], "serve": []}.get(name, ["x"])
    out = protocol_kit(name, *args)
    assert out.code == 2
    assert out.stdout == ""
    assert LINE.match(out.stderr.strip()), out.stderr
    assert out.stderr.count("\n") == 1


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_traceback_on_request(protocol_kit, broken, monkeypatch, how):
    broken("lint")
    if how == "environment":
        monkeypatch.setenv("PROTOCOL_KIT_TRACEBACK", "1")
        out = protocol_kit("lint", "x.yaml")
    else:
        monkeypatch.delenv("PROTOCOL_KIT_TRACEBACK", raising=False)
        out = protocol_kit("--traceback", "lint", "x.yaml")
    assert out.code == 2
    assert out.stderr.startswith("Traceback (most recent call last):")
    assert "in boom" in out.stderr
    last = out.stderr.strip().splitlines()[-1]
    assert last == f"internal error: RuntimeError: the disk is on fire (protocol-kit {__version__})"


def test_an_exception_without_a_message(protocol_kit, broken, monkeypatch):
    monkeypatch.delenv("PROTOCOL_KIT_TRACEBACK", raising=False)
    broken("scan", KeyError())
    out = protocol_kit("scan", "src")
    assert out.code == 2 and out.stderr.startswith("internal error: KeyError (protocol-kit")


def test_tool_errors_stay_what_they_were(protocol_kit, tmp_path):
    out = protocol_kit("lint", str(tmp_path / "nope.yaml"))
    assert out.code == 2 and out.stderr.startswith("error: ") and "internal error" not in out.stderr


def test_ctrl_c_in_a_command_exits_130(protocol_kit, broken):
    broken("validate", KeyboardInterrupt())
    out = protocol_kit("validate", "-", "--plan", str(ROOT / "plans" / "ecommerce.yaml"))
    assert (out.code, out.stderr) == (130, "interrupted: no output was written or replaced\n")


def test_ctrl_c_of_a_real_process_exits_130(tmp_path):
    """A real SIGINT while validate waits for events on stdin."""
    process = subprocess.Popen([sys.executable, "-m", "protocol_kit", "validate", "-", "--plan",
                                str(ROOT / "plans" / "ecommerce.yaml")], cwd=tmp_path, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    process.stdin.write(b'{"event": "Order Completed"}\n')
    process.stdin.flush()
    time.sleep(3)  # the plan loaded, the first line read: waiting for more
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert err.decode() == "interrupted: no output was written or replaced\n" and out == b""
