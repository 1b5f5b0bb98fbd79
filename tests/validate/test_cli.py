"""protocol-kit validate through the CLI: exit codes, output and the files written."""
import gzip
import json
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from protocol_kit.cli.exit import run_cli
from protocol_kit.cli.main import cli
from tests.validate.conftest import EXAMPLE_PLAN, ROOT

GOOD = b'{"type":"track","event":"Products Searched","messageId":"g-1","properties":{"query":"socks"}}\n'
GOOD2 = b'{"event":"Product Removed","properties":{"cart_id":"c-1","product_id":"p-1"}}\n'
BAD = b'{"type":"track","event":"Order Completed","messageId":"b-1","properties":{"order_id":"o","total":"9","currency":"USD"}}\n'
UNPLANNED_ONLY = b'{"type":"track","event":"Products Searched","properties":{"query":"socks","page":2}}\n'
MALFORMED = b'{"type":"track",\n'


def invoke(*args: str, input: bytes | None = None):
    """(exit code, stdout, stderr) of ``protocol-kit ARGS``."""
    runner = CliRunner()
    holder = {}

    def main():
        holder["code"] = run_cli(cli, list(args))

    with runner.isolation(input=input) as (out, err, *_):
        main()
        return holder["code"], out.getvalue().decode(), err.getvalue().decode()


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_bytes(GOOD + BAD + GOOD2 + MALFORMED)
    return path


def test_clean_events_exit_0(tmp_path):
    path = tmp_path / "ok.jsonl"
    path.write_bytes(GOOD + GOOD2)
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(path))
    assert code == 0
    assert "2 event(s) read, 2 valid, 0 invalid" in out


def test_violations_exit_1_and_digest(events):
    code, out, err = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events))
    assert code == 1 and "validating" not in err  # no progress display when stderr is not a terminal
    assert "EV004" in out and "/properties/total" in out and "EV001" in out
    assert "4 read = 2 passed + 2 reported" in out


def test_fail_on_never_reports_but_exits_0(events):
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--fail-on", "never")
    assert code == 0
    assert "EV004" in out


def test_warnings_fail_only_from_fail_on_warning(tmp_path):
    path = tmp_path / "deprecated.jsonl"
    path.write_bytes(b'{"event":"Order Cancelled","properties":{"order_id":"o-1"}}\n')
    assert invoke("validate", "--plan", str(EXAMPLE_PLAN), str(path))[0] == 0
    assert invoke("validate", "--plan", str(EXAMPLE_PLAN), str(path), "--fail-on", "warning")[0] == 1


def test_json_format(events):
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--format", "json")
    document = json.loads(out)
    assert code == 1
    assert set(document) == {"summary", "digest", "violations"}
    summary = document["summary"]
    assert (summary["events"], summary["valid"], summary["invalid"]) == (4, 2, 2)
    assert summary["by_kind"] == {"malformed_event": 1, "type_mismatch": 1}
    first = document["violations"][0]
    assert first["code"] == "EV004" and first["path"] == "/properties/total"
    assert first["message"] == "property 'total' should be a number, got string"
    assert first["source"] == {"file": str(events), "line": 2} and first["message_id"] == "b-1"
    row = next(r for r in document["digest"] if r["code"] == "EV004")
    assert row["count"] == 1 and row["message_ids"] == ["b-1"] and row["first"] == f"{events}:2"


def test_compiled_schemas_folder_as_plan(events):
    by_folder = invoke("validate", "--plan", str(ROOT / "schemas" / "ecommerce"), str(events), "--format", "json")
    by_file = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--format", "json")
    assert by_folder == by_file


def test_block_mode_passes_conforming_lines_byte_identical(events, tmp_path):
    valid = tmp_path / "valid.jsonl"
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--mode", "block",
                          "--valid-out", str(valid))
    assert code == 1
    assert valid.read_bytes() == GOOD + GOOD2
    assert "4 read = 2 passed + 2 dropped" in out


def test_quarantine_mode_and_replay(events, tmp_path):
    valid, quarantine = tmp_path / "valid.jsonl", tmp_path / "quarantine.jsonl"
    invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), "--mode", "quarantine",
           "--valid-out", str(valid), "--quarantine-out", str(quarantine))
    records = [orjson.loads(line) for line in quarantine.read_bytes().splitlines()]
    assert [r["source"]["line"] for r in records] == [2, 4]
    assert orjson.dumps(records[0]["payload"]) + b"\n" == BAD
    assert records[0]["violations"][0]["code"] == "EV004"
    assert records[1]["raw"] == MALFORMED.decode().rstrip("\n")
    # replaying the quarantine file re-checks the original events
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(quarantine), "--format", "json")
    replay = json.loads(out)
    assert code == 1
    assert [v["code"] for v in replay["violations"]] == ["EV004", "EV001"]
    # once fixed, the events pass
    records[0]["payload"]["properties"]["total"] = 9
    fixed = tmp_path / "fixed.jsonl"
    fixed.write_bytes(orjson.dumps(records[0]) + b"\n")
    again = tmp_path / "again.jsonl"
    code, _, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(fixed), "--mode", "block", "--valid-out", str(again))
    assert code == 0
    assert orjson.loads(again.read_bytes())["properties"]["total"] == 9


def test_omit_unplanned_properties(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_bytes(UNPLANNED_ONLY + BAD)
    valid, quarantine = tmp_path / "valid.jsonl", tmp_path / "q.jsonl"
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(path), "--mode", "quarantine",
                          "--omit-unplanned-properties", "--valid-out", str(valid), "--quarantine-out", str(quarantine))
    passed = orjson.loads(valid.read_bytes())
    assert passed["properties"] == {"query": "socks"}
    assert passed["context"]["protocols"] == {"omitted": ["page"]}
    assert len(quarantine.read_bytes().splitlines()) == 1
    assert "2 read = 1 passed (1 with properties omitted) + 1 quarantined" in out


@pytest.mark.parametrize("args, message", [
    (["--mode", "quarantine"], "needs --quarantine-out"),
    (["--valid-out", "x.jsonl"], "report mode changes nothing"),
    (["--mode", "block", "--quarantine-out", "q.jsonl"], "use --mode quarantine"),
])
def test_usage_errors_exit_2(events, args, message):
    code, _, err = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(events), *args)
    assert code == 2 and message in err


def test_missing_events_file_exit_2(tmp_path):
    code, _, err = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(tmp_path / "nope.jsonl"))
    assert code == 2 and "nope.jsonl: no such file or folder" in err


def test_unreadable_plan_exit_2(events, tmp_path):
    broken = tmp_path / "plan.yaml"
    broken.write_text("plan: [unclosed\n")
    assert invoke("validate", "--plan", str(broken), str(events))[0] == 2
    assert invoke("validate", "--plan", str(tmp_path), str(events))[0] == 2  # no index.json


def test_stdin_json_lines_and_array():
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), "-", input=GOOD + BAD)
    assert code == 1 and "<stdin>:2" in out
    array = b"[" + GOOD.strip() + b"," + GOOD2.strip() + b"]"
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), "-", input=array)
    assert code == 0 and "2 event(s) read" in out


def test_folder_of_payload_files(tmp_path):
    folder = tmp_path / "payloads"
    (folder / "nested").mkdir(parents=True)
    (folder / "one.json").write_bytes(GOOD)
    (folder / "nested" / "batch.json").write_bytes(b'{"batch": [' + GOOD2.strip() + b"," + BAD.strip() + b"]}")
    with gzip.open(folder / "more.jsonl.gz", "wb") as out:
        out.write(GOOD + BAD)
    (folder / "notes.txt").write_text("not an event file")
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(folder), "--format", "json")
    document = json.loads(out)
    assert code == 1 and document["summary"]["events"] == 5
    assert sorted(v["location"] for v in document["violations"]) == [
        f"{folder}/more.jsonl.gz:2", f"{folder}/nested/batch.json[1]"]


def test_jobs_give_the_same_report(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_bytes((GOOD + BAD + MALFORMED + GOOD2 + UNPLANNED_ONLY) * 700)
    outputs = []
    for jobs in ("1", "2"):
        valid, quarantine = tmp_path / f"v{jobs}.jsonl", tmp_path / f"q{jobs}.jsonl"
        result = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(path), "--jobs", jobs, "--format", "json",
                        "--mode", "quarantine", "--valid-out", str(valid), "--quarantine-out", str(quarantine))
        outputs.append((result, valid.read_bytes(), quarantine.read_bytes()))
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0][0][1])["summary"]["events"] == 3500


def test_demo_events_exit_0_with_fail_on_never():
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(ROOT / "examples" / "events" / "ecommerce.jsonl"),
                          "--fail-on", "never")
    assert code == 0
    for code_ in ("EV001", "EV002", "EV003", "EV004", "EV005", "EV006"):
        assert code_ in out


def test_plan_with_an_invalid_pattern_exit_2(events, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: broken\nevents:\n  Thing Done:\n    properties:\n      code: {type: string, pattern: '[unclosed'}\n")
    code, _, err = invoke("validate", "--plan", str(plan), str(events))
    assert code == 2 and "schema of 'Thing Done' is not usable" in err
