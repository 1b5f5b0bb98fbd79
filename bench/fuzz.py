"""Fuzzing: mutated example events and plans through every command, checking what must always hold.

    python bench/fuzz.py [--examples 2000] [--seed 1]

Each example takes the example events (examples/events/ecommerce.jsonl) and
plan (plans/ecommerce.yaml), mutates them (bytes flipped, values nested past
the depth limit, numbers beyond a double, control characters, escapes the fast
parser refuses, gzip, YAML anchors, tags and deep nesting, patterns outside the
dialect), plants personal data in a random field, and runs ``lint``,
``validate --mode quarantine`` with every report format, and ``scan``. It checks:

- no command raises (a traceback): every exit code is 0, 1 or 2;
- the accounting identity: read = passed + dropped + quarantined + reported,
  and the valid and quarantine files hold exactly the passed and quarantined events;
- no report of any format shows the planted personal data raw.

The test suite runs a few examples (tests/reliability/test_fuzz.py); this
script runs many and prints the exit codes seen and the examples per second.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from protocol_kit.cli.exit import run_cli  # noqa: E402
from protocol_kit.cli.main import cli  # noqa: E402
from protocol_kit.report import FORMATS  # noqa: E402

EVENTS = (ROOT / "examples" / "events" / "ecommerce.jsonl").read_bytes().splitlines(keepends=True)
PLAN = (ROOT / "plans" / "ecommerce.yaml").read_text(encoding="utf-8")
SOURCE = (ROOT / "examples" / "src" / "checkout.ts").read_text(encoding="utf-8")
SECRETS = ("fuzz.planted@leak.example.com", "4539578763621486", "5555555555554444")
EXITS = (0, 1, 2)


def _event_mutations(rng: random.Random, line: bytes, secret: str) -> bytes:
    choice = rng.randrange(12)
    if not line.strip():
        return line
    body = line.rstrip(b"\n")
    at = rng.randrange(len(body))
    if choice == 0:
        return body[:at] + bytes([rng.randrange(256)]) + body[at + 1:] + b"\n"
    if choice == 1:
        return body[:at] + b"\n"
    if choice == 2:
        levels = rng.choice((1, 127, 129, 300, 1100))
        return body.replace(b'"properties":', b'"properties":' + b"[" * levels, 1).replace(
            b"}}", b"}" + b"]" * levels + b"}", 1) + b"\n"
    if choice == 3:
        number = rng.choice((b"123456789012345678901234567890", b"0.1000000000000000000000001", b"1e400", b"-0",
                             b"1" * 5000))
        return body.replace(b'"timestamp":', b'"n":' + number + b',"timestamp":', 1) + b"\n"
    if choice == 4:
        return body.replace(b'"event":"', b'"event":"\\u001b[2J\\ud800\\u0007', 1) + b"\n"
    if choice == 5:
        return b"\xef\xbb\xbf" + line
    if choice == 6:
        return body.replace(b'"properties":{', b'"properties":{"' + secret.encode() + b'":1,', 1) + b"\n"
    if choice == 7:
        return body.replace(b'"event":"', b'"event":"' + secret.encode() + b" ", 1) + b"\n"
    if choice == 8:
        return body.replace(b'"messageId":"', b'"messageId":"' + secret.encode() + b'","x":"', 1) + b"\n"
    if choice == 9:
        return body.replace(b'"type":"', b'"type":"=' + secret.encode() + b'","x":"', 1) + b"\n"
    if choice == 10:
        return body.replace(b':"', b':"' + secret.encode() + b" ", 1) + b"\n"
    return body + b"\n" + body + b"\n"


def _plan_mutations(rng: random.Random, text: str) -> str:
    choice = rng.randrange(8)
    lines = text.splitlines(keepends=True)
    at = rng.randrange(len(lines))
    if choice == 0:
        return "".join(lines[:at]) + "".join(lines[at + 1:])
    if choice == 1:
        return text + "x: &a [1,1,1,1,1,1,1,1,1]\n" + "".join(
            f"y{i}: &a{i} [" + ",".join([f"*a{i - 1}" if i else "*a"] * 9) + "]\n" for i in range(7))
    if choice == 2:
        return text + "deep: " + "[" * 2000 + "]" * 2000 + "\n"
    if choice == 3:
        return text.replace("description: ", "description: !!python/name:os.system ", 1)
    if choice == 4:
        return text.replace("{type: string,", "{type: string, pattern: '^(?=a)(a+)+$',", 1)
    if choice == 5:
        position = rng.randrange(len(text))
        return text[:position] + rng.choice("{}[]:&*!|>'\"\t\x00") + text[position + 1:]
    if choice == 6:
        return text.replace("type: string", "type: string, max_length: -1", 1)
    return text


@dataclass
class Tally:
    examples: int = 0
    exits: Counter = field(default_factory=Counter)


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    """``protocol-kit ARGS`` in ``folder``, in this process; an exception propagates (that is a failure)."""
    box: dict[str, int] = {}

    @click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    @click.pass_context
    def entry(ctx):
        box["code"] = run_cli(cli, ctx.args)

    with _inside(folder):
        result = CliRunner().invoke(entry, list(args), catch_exceptions=False)
    return box.get("code", result.exit_code), result.stdout, result.stderr


class _inside:
    def __init__(self, folder: Path):
        self.folder, self.before = folder, None

    def __enter__(self):
        import os

        self.before = os.getcwd()
        os.chdir(self.folder)

    def __exit__(self, *exc):
        import os

        os.chdir(self.before)


def _texts(folder: Path) -> dict[str, str]:
    found = {}
    for path in folder.iterdir():
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b" ".join(archive.read(name) for name in archive.namelist())
        found[path.name] = data.decode("utf-8", "replace")
    return found


def check_one(seed: int, folder: Path, tally: Tally | None = None) -> None:
    """One fuzz example: mutate, run every command, assert the invariants (AssertionError when one breaks)."""
    rng = random.Random(seed)
    secret = rng.choice(SECRETS)
    lines = [_event_mutations(rng, line, secret) if rng.random() < 0.3 else line
             for line in rng.sample(EVENTS, rng.randrange(1, 12))]
    data = b"".join(lines)
    if rng.random() < 0.1:
        data = gzip.compress(data)
    plan = _plan_mutations(rng, PLAN) if rng.random() < 0.5 else PLAN
    (folder / "e.jsonl").write_bytes(data)
    (folder / "plan.yaml").write_text(plan, encoding="utf-8")
    (folder / "app.ts").write_text(SOURCE.replace("Order Completed", secret, 1), encoding="utf-8")
    reports = folder / "reports"
    reports.mkdir(exist_ok=True)
    commands = {
        "lint": ("lint", "plan.yaml"),
        "validate": ("validate", "--plan", "plan.yaml", "e.jsonl", "--mode", "quarantine", "--valid-out",
                     "valid.jsonl", "--quarantine-out", "quarantine.jsonl", "--format", "json",
                     *(f"--report={name}=reports/report.{name}" for name in FORMATS)),
        "scan": ("scan", "app.ts", "--plan", "plan.yaml", "--format", "json"),
    }
    for name, args in commands.items():
        code, out, err = run(folder, *args)
        if tally is not None:
            tally.exits[(name, code)] += 1
        assert code in EXITS, (name, code, err)
        leaks = [label for label, text in (("stdout", out), ("stderr", err)) if secret in text]
        if name == "validate" and code in (0, 1):
            _check_accounting(folder, json.loads(out))
            leaks += [label for label, text in _texts(reports).items() if secret in text]
        assert not leaks, f"{name}: planted {secret!r} shown raw in {leaks}"
    if tally is not None:
        tally.examples += 1


def _check_accounting(folder: Path, report: dict) -> None:
    outcomes = report["summary"]["outcomes"]
    assert outcomes["read"] == sum(outcomes[k] for k in ("passed", "dropped", "quarantined", "reported")), outcomes
    assert len((folder / "valid.jsonl").read_bytes().splitlines()) == outcomes["passed"]
    assert len((folder / "quarantine.jsonl").read_bytes().splitlines()) == outcomes["quarantined"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    tally, failures = Tally(), []
    started = time.perf_counter()
    for seed in range(options.seed, options.seed + options.examples):
        with tempfile.TemporaryDirectory() as folder:
            try:
                check_one(seed, Path(folder), tally)
            except Exception as error:  # an assertion, or a command that raised: both are failures
                failures.append((seed, f"{type(error).__name__}: {str(error)[:300]}"))
    elapsed = time.perf_counter() - started
    print(f"{tally.examples + len(failures)} examples in {elapsed:.1f} s ({(tally.examples + len(failures)) / elapsed:.1f}/s), "
          f"{len(failures)} failed")
    for (command, code), count in sorted(tally.exits.items()):
        print(f"  {command:<9} exit {code}: {count}")
    for seed, message in failures[:20]:
        print(f"  seed {seed}: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
