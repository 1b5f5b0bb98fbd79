"""Personal data in ``protocol-kit validate``, through the CLI: tests/cases/pii/validate/<case>/.

Each case holds ``plan.yaml``, ``events.jsonl``, an optional ``pyproject.toml``
(the ``[tool.protocol-kit.pii]`` section) and ``expected.json``: the exit code,
the violations (line, code, severity, path, message) and the personal-data
lines of the summary. Adding a case needs no code; UPDATE_CASES=1 rewrites
``expected.json`` from the current output (read the diff before committing it).
"""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from protocol_kit.cli.exit import run_cli
from protocol_kit.cli.main import cli

CASES = Path(__file__).resolve().parent.parent / "cases" / "pii" / "validate"


def outcome(case: Path) -> dict:
    runner = CliRunner()
    with runner.isolation() as (out, _err, *_):
        cwd = os.getcwd()
        os.chdir(case)
        try:
            code = run_cli(cli, ["validate", "--plan", "plan.yaml", "events.jsonl", "--format", "json"])
        finally:
            os.chdir(cwd)
        report = json.loads(out.getvalue().decode())
    return {
        "exit_code": code,
        "violations": [{"line": v["source"]["line"], "code": v["code"], "severity": v["severity"],
                        "path": v["path"], "message": v["message"]} for v in report["violations"]],
        "summary": [note for note in report["summary"]["notes"] if note.startswith("PII")],
    }


@pytest.mark.parametrize("case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_case(case: Path):
    expected_file = case / "expected.json"
    actual = outcome(case)
    if os.environ.get("UPDATE_CASES"):
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert actual == json.loads(expected_file.read_text("utf-8"))
