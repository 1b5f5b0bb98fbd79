"""--jobs N gives what one process gives: the same --valid-out and --quarantine-out byte for byte, the same
summary, digest and report, in every format, wherever the slices of a file are cut."""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from protocol_kit.validation import parallel
from tests.validate.test_cli import BAD, GOOD, GOOD2, MALFORMED, UNPLANNED_ONLY, invoke
from tests.validate.conftest import EXAMPLE_PLAN

ACCENTED = '{"event":"Products Searched","properties":{"query":"café crème ☕ 😀 ünïcödé"}}\n'.encode()
BAD_ACCENTED = '{"event":"Order Completed","properties":{"order_id":"ø-1","total":"9€","currency":"€"}}\n'.encode()
EMAIL = b'{"event":"Products Searched","messageId":"m-1","properties":{"query":"mail jane.doe@example.com"}}\n'
NOT_UTF8 = b'{"event":"Products Searched","properties":{"query":"caf\xe9"}}\n'
KINDS = [GOOD, GOOD, GOOD, GOOD2, ACCENTED, ACCENTED, BAD, BAD_ACCENTED, UNPLANNED_ONLY, MALFORMED, EMAIL,
         NOT_UTF8, b"\n", b"   \n", b"[]\n"]


def corpus(path: Path, lines: int, *, seed: int, crlf: bool = False, last_newline: bool = True) -> Path:
    rng = random.Random(seed)
    chosen = [rng.choice(KINDS) for _ in range(lines)]
    if crlf:
        chosen = [line[:-1] + b"\r\n" if rng.random() < 0.5 else line for line in chosen]
    data = b"".join(chosen)
    path.write_bytes(data if last_newline else data.rstrip(b"\r\n"))
    return path


def outputs_of(tmp_path: Path, inputs: list[Path], *args: str, jobs: int, fmt: str = "json",
               mode: str = "quarantine") -> tuple:
    """(exit code, stdout, stderr, --valid-out bytes, --quarantine-out bytes) of one run."""
    valid, quarantine = tmp_path / f"valid-{jobs}.jsonl", tmp_path / f"quarantine-{jobs}.jsonl"
    outputs = ["--valid-out", str(valid)] if mode != "report" else []
    outputs += ["--quarantine-out", str(quarantine)] if mode == "quarantine" else []
    code, out, err = invoke("validate", "--plan", str(EXAMPLE_PLAN), *map(str, inputs), "--jobs", str(jobs),
                            "--format", fmt, "--mode", mode, *outputs, *args)
    read = [path.read_bytes() if path.exists() else None for path in (valid, quarantine)]
    return (code, out, err, *read)


def assert_same_for_every_job_count(tmp_path: Path, inputs: list[Path], *args: str, **options) -> tuple:
    one = outputs_of(tmp_path, inputs, *args, jobs=1, **options)
    for jobs in (2, 3):
        assert outputs_of(tmp_path, inputs, *args, jobs=jobs, **options) == one, f"--jobs {jobs} differs"
    assert not list(tmp_path.glob(".*.partial")), "parts left behind"
    return one


@pytest.fixture
def small_slices(monkeypatch):
    """Slices of a few hundred bytes: a cut falls in every kind of line, CRLF and multi-byte character."""
    monkeypatch.setattr(parallel, "MIN_SLICE_BYTES", 300)
    monkeypatch.setattr(parallel, "SLICES_PER_JOB", 40)
    monkeypatch.setattr(parallel, "WARM_UP_LINES", 5)
    monkeypatch.setattr(parallel, "WARM_UP_LINES_WITHOUT_PII", 3)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("crlf", [False, True])
@pytest.mark.parametrize("last_newline", [True, False])
def test_outputs_and_report_are_byte_identical(tmp_path, small_slices, seed, crlf, last_newline):
    events = corpus(tmp_path / "events.jsonl", 400, seed=seed, crlf=crlf, last_newline=last_newline)
    code, out, _, valid, quarantine = assert_same_for_every_job_count(tmp_path, [events], "--fail-on", "never")
    document = json.loads(out)
    assert code == 0 and document["summary"]["events"] == sum(1 for line in events.read_bytes().splitlines()
                                                               if line.strip())
    assert document["summary"]["outcomes"]["quarantined"] == len(quarantine.splitlines()) > 0
    assert document["digest"] and valid


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_report_formats_are_the_same(tmp_path, small_slices, fmt):
    events = corpus(tmp_path / "events.jsonl", 300, seed=7)
    code, out, *_ = assert_same_for_every_job_count(tmp_path, [events], fmt=fmt, mode="report")
    assert code == 1 and out


@pytest.mark.parametrize("args", [("--max-violations", "3"), ("--max-violations", "0"), ("--pii", "redact"),
                                  ("--pii", "off"), ("--fail-fast",), ("--omit-unplanned-properties",)])
def test_options_that_change_what_is_kept_or_written(tmp_path, small_slices, args):
    events = corpus(tmp_path / "events.jsonl", 300, seed=11, crlf=True)
    assert_same_for_every_job_count(tmp_path, [events], "--fail-on", "never", *args)


def test_append_adds_after_the_earlier_content(tmp_path, small_slices):
    events = corpus(tmp_path / "events.jsonl", 200, seed=3)
    runs = []
    for jobs in (1, 2):
        valid, quarantine = tmp_path / f"valid-{jobs}.jsonl", tmp_path / f"quarantine-{jobs}.jsonl"
        valid.write_bytes(b"earlier\n")
        quarantine.write_bytes(b"earlier quarantine\n")
        code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--jobs", str(jobs),
                              "--mode", "quarantine", "--valid-out", str(valid), "--quarantine-out", str(quarantine),
                              "--append", "--format", "json")
        runs.append((code, out, valid.read_bytes(), quarantine.read_bytes()))
    assert runs[0] == runs[1]
    assert runs[1][2].startswith(b"earlier\n") and runs[1][3].startswith(b"earlier quarantine\n")


def test_files_smaller_than_the_job_count(tmp_path):
    tiny = tmp_path / "tiny.jsonl"
    tiny.write_bytes(BAD.rstrip(b"\n"))
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    one_char = tmp_path / "one.jsonl"
    one_char.write_bytes(b"\n")
    code, out, *_ = assert_same_for_every_job_count(tmp_path, [tiny, empty, one_char])
    assert code == 1 and json.loads(out)["summary"]["events"] == 1


def test_several_inputs_of_every_kind_keep_their_order(tmp_path, small_slices):
    """Slices of plain files, and what the parent reads itself (gzip, a JSON document), in input order."""
    first = corpus(tmp_path / "a.jsonl", 150, seed=1)
    with gzip.open(tmp_path / "b.jsonl.gz", "wb") as out:
        out.write(corpus(tmp_path / "b-plain.txt", 120, seed=2).read_bytes())
    (tmp_path / "c.json").write_bytes(b"[" + GOOD.strip() + b"," + BAD.strip() + b"]")
    last = corpus(tmp_path / "d.jsonl", 150, seed=4, crlf=True, last_newline=False)
    inputs = [first, tmp_path / "b.jsonl.gz", tmp_path / "c.json", last]
    _, out, _, _, quarantine = assert_same_for_every_job_count(tmp_path, inputs, "--fail-on", "never")
    files = [json.loads(line)["source"]["file"] for line in quarantine.splitlines()]
    assert sorted(set(files), key=files.index) == [str(path) for path in inputs]


def test_slices_of_the_real_size(tmp_path):
    """The default slice sizes on a file of several megabytes: many slices, few events per worker task."""
    events = corpus(tmp_path / "events.jsonl", 40_000, seed=5, crlf=True, last_newline=False)
    assert events.stat().st_size > 8 * parallel.MIN_SLICE_BYTES
    code, out, *_ = assert_same_for_every_job_count(tmp_path, [events], "--fail-on", "never")
    assert code == 0 and json.loads(out)["summary"]["events"] > 30_000


def test_workers_started_without_fork_give_the_same_outputs(tmp_path, small_slices, monkeypatch):
    """Where processes cannot be forked, workers start with the plan and share the line counts as well."""
    import multiprocessing

    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    events = corpus(tmp_path / "events.jsonl", 200, seed=9, crlf=True)
    one = outputs_of(tmp_path, [events], "--fail-on", "never", jobs=1)
    assert outputs_of(tmp_path, [events], "--fail-on", "never", jobs=2) == one


def test_streams_without_a_file_get_the_parts_in_order(tmp_path, small_slices):
    """Workers append straight to outputs that are files; a stream of the library's caller gets parts."""
    import io

    from protocol_kit.events import read_chunks
    from protocol_kit.validation.api import Validator

    events = corpus(tmp_path / "events.jsonl", 300, seed=12, crlf=True)
    written = []
    for jobs in (1, 2):
        valid, quarantine = io.BytesIO(), io.BytesIO()
        report = Validator(EXAMPLE_PLAN, mode="quarantine", jobs=jobs).run(
            read_chunks([events], slices=jobs > 1), valid_out=valid, quarantine_out=quarantine)
        written.append((valid.getvalue(), quarantine.getvalue(), report))
    assert written[0] == written[1] and written[0][0] and written[0][1]


@pytest.mark.parametrize("held", [0, 120])
def test_output_waiting_for_its_turn_past_the_memory_limit_goes_to_the_part(tmp_path, small_slices, monkeypatch,
                                                                            held):
    from protocol_kit.validation import parts

    monkeypatch.setattr(parts, "HELD_BYTES", held)
    events = corpus(tmp_path / "events.jsonl", 300, seed=13, crlf=True)
    assert_same_for_every_job_count(tmp_path, [events], "--fail-on", "never")
