"""Outputs go back to the disk while the run goes on, and a write-back error is never lost: the commit
raises it, naming the file, and the earlier output stays as it was."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from protocol_kit import outputs
from protocol_kit.errors import OutputError
from protocol_kit.outputs import SafeOutput
from protocol_kit.validation import parallel
from tests.validate.test_cli import BAD, GOOD, invoke
from tests.validate.conftest import EXAMPLE_PLAN


def calls_to(monkeypatch, name: str) -> list[int]:
    """The descriptors given to ``os.<name>`` from now on, in order (the call still syncs)."""
    calls: list[int] = []
    real = getattr(os, name)

    def counted(descriptor: int) -> None:
        calls.append(descriptor)
        real(descriptor)

    monkeypatch.setattr(os, name, counted)
    return calls


@pytest.fixture
def synced(monkeypatch) -> list[int]:
    """The descriptors given to ``os.fdatasync``, with write-backs every few hundred bytes."""
    monkeypatch.setattr(outputs, "WRITE_BACK_BYTES", 500)
    return calls_to(monkeypatch, "fdatasync")


def test_a_long_output_is_written_back_as_it_goes(tmp_path, synced):
    with SafeOutput(tmp_path / "out.jsonl") as output:
        for _ in range(40):
            output.write(GOOD)
    assert (tmp_path / "out.jsonl").read_bytes() == GOOD * 40
    assert synced, "no write-back before the commit"
    assert not list(tmp_path.glob(".*.partial"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_validate_writes_back_and_gives_the_same_outputs(tmp_path, synced, monkeypatch, jobs):
    monkeypatch.setattr(parallel, "MIN_SLICE_BYTES", 2000)
    monkeypatch.setattr(parallel, "WARM_UP_LINES_WITHOUT_PII", 10)
    events = tmp_path / "events.jsonl"
    events.write_bytes((GOOD * 9 + BAD) * 200)
    code, _, err = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--pii", "off", "--jobs", jobs, "--mode", "quarantine",
                          "--valid-out", str(tmp_path / "valid.jsonl"),
                          "--quarantine-out", str(tmp_path / "quarantine.jsonl"))
    assert code == 1, err
    assert (tmp_path / "valid.jsonl").read_bytes() == GOOD * 1800
    assert (tmp_path / "quarantine.jsonl").read_bytes().count(b"\n") == 200
    assert synced, "no write-back before the commit"
    assert not list(tmp_path.glob(".*.partial"))


def test_a_write_back_error_is_raised_at_commit_and_keeps_the_earlier_output(tmp_path, monkeypatch):
    def failing(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    target = tmp_path / "out.jsonl"
    target.write_bytes(b"earlier run\n")
    monkeypatch.setattr(outputs, "WRITE_BACK_BYTES", 500)
    monkeypatch.setattr(os, "fdatasync", failing)
    output = SafeOutput(target).__enter__()
    for _ in range(40):
        output.write(GOOD)  # the error happens in the background and is kept
    with pytest.raises(OutputError, match=f"^cannot write {target}: Input/output error$"):
        output.commit()
    assert target.read_bytes() == b"earlier run\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_write_back_error_fails_the_run_with_one_line(tmp_path, monkeypatch):
    def failing(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(outputs, "WRITE_BACK_BYTES", 500)
    monkeypatch.setattr(os, "fdatasync", failing)
    events = tmp_path / "events.jsonl"
    events.write_bytes(GOOD * 100)
    valid = tmp_path / "valid.jsonl"
    code, _, err = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--mode", "block",
                          "--valid-out", str(valid))
    assert code == 2
    assert err.strip() == f"error: cannot write {valid}: Input/output error"
    assert not valid.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.jsonl"]


def test_discarding_waits_for_the_write_back(tmp_path, synced):
    output = SafeOutput(tmp_path / "out.jsonl").__enter__()
    for _ in range(40):
        output.write(GOOD)
    output.discard()
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_a_device_is_not_written_back(tmp_path, synced):
    devnull = Path(os.devnull)
    with SafeOutput(devnull) as output:
        for _ in range(40):
            output.write(GOOD)
    assert synced == []


def test_without_fdatasync_the_write_back_uses_fsync(tmp_path, monkeypatch):
    """As on macOS, where ``os.fdatasync`` does not exist."""
    monkeypatch.setattr(outputs, "WRITE_BACK_BYTES", 500)
    monkeypatch.delattr(os, "fdatasync")
    synced = calls_to(monkeypatch, "fsync")
    with SafeOutput(tmp_path / "out.jsonl") as output:
        for _ in range(40):
            output.write(GOOD)
    assert (tmp_path / "out.jsonl").read_bytes() == GOOD * 40
    assert len(synced) >= 2, "no write-back before the commit's own sync"
