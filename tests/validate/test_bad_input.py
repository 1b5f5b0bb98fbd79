"""Bad input is reported, the run goes on, and nothing read goes missing."""
import gzip

import orjson

from protocol_kit.events import read_chunks, read_events
from protocol_kit.validation import Validator
from tests.validate.test_cli import GOOD, invoke
from tests.validate.conftest import EXAMPLE_PLAN


def run(example_plan, *paths, tmp_path):
    valid, quarantine = tmp_path / "valid.jsonl", tmp_path / "quarantine.jsonl"
    with open(valid, "wb") as v, open(quarantine, "wb") as q:
        report = Validator(example_plan, mode="quarantine").run(read_chunks(paths), valid_out=v, quarantine_out=q)
    records = [orjson.loads(line) for line in quarantine.read_bytes().splitlines()]
    assert report.outcomes.balanced
    assert len(valid.read_bytes().splitlines()) == report.outcomes.passed
    assert len(records) == report.outcomes.quarantined
    return report, records


def test_line_of_50_megabytes(example_plan, tmp_path):
    path = tmp_path / "big.jsonl"
    huge = b'{"type":"track","event":"Products Searched","properties":{"query":"' + b"x" * 50_000_000 + b'"}}\n'
    path.write_bytes(GOOD + huge + GOOD)
    del huge
    report, records = run(example_plan, path, tmp_path=tmp_path)
    assert report.summary.events == 3 and report.outcomes.passed == 2
    violation = report.violations[0]
    assert (violation.code, violation.source.line, violation.actual) == ("EV010", 2, 50_000_000)
    assert len(records[0]["payload"]["properties"]["query"]) == 50_000_000


def test_deeply_nested_line(example_plan, tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_bytes(GOOD + b"[" * 100_000 + b"]" * 100_000 + b"\n" + GOOD)
    report, records = run(example_plan, path, tmp_path=tmp_path)
    assert [(v.code, v.source.line) for v in report.violations] == [("EV001", 2)]
    assert "depth limit exceeded" in report.violations[0].message
    assert len(records[0]["raw"]) == 200_000


def test_deeply_nested_value_inside_a_planned_property(example_plan, tmp_path):
    path = tmp_path / "deep.jsonl"
    nested = b'{"event":"Cart Viewed","properties":{"cart_id":"c","products":' + b"[" * 500 + b"]" * 500 + b"}}\n"
    path.write_bytes(nested)
    report, records = run(example_plan, path, tmp_path=tmp_path)
    assert [(v.code, v.message) for v in report.violations] == [("EV001", "event is nested more than 128 levels deep")]
    assert records[0]["raw"] == nested.decode().rstrip("\n")


def test_value_nested_just_within_the_limit_is_checked(example_plan, tmp_path):
    path = tmp_path / "deep.jsonl"
    nested = b'{"event":"Cart Viewed","properties":{"cart_id":"c","products":' + b"[" * 125 + b"]" * 125 + b"}}\n"
    path.write_bytes(nested)
    report, _ = run(example_plan, path, tmp_path=tmp_path)
    assert [(v.code, v.path) for v in report.violations] == [("EV004", "/properties/products/0")]


def test_invalid_utf8(example_plan, tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(GOOD + '{"event":"Products Searched","properties":{"query":"café"}}\n'.encode("latin-1") + GOOD)
    report, records = run(example_plan, path, tmp_path=tmp_path)
    assert [(v.code, v.source.line) for v in report.violations] == [("EV001", 2)]
    assert "UTF-8" in report.violations[0].message
    assert records[0]["raw_base64"]


def test_empty_files(example_plan, tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "empty.json").write_bytes(b"")
    report, _ = run(example_plan, tmp_path / "empty.jsonl", tmp_path / "empty.json", tmp_path=tmp_path)
    assert report.summary.events == 1
    assert report.violations[0].message == "empty file: expected a JSON event or array"
    assert str(report.violations[0].source) == str(tmp_path / "empty.json")


def test_blank_lines_are_not_events(example_plan, tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n" + GOOD + b"   \n\r\n" + GOOD.rstrip(b"\n"))
    report, _ = run(example_plan, path, tmp_path=tmp_path)
    assert report.summary.events == 2 and report.ok


def test_truncated_gzip_keeps_what_was_read(example_plan, tmp_path):
    whole = gzip.compress(GOOD * 5000)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    report, records = run(example_plan, path, tmp_path=tmp_path)
    [violation] = report.violations
    assert violation.code == "EV001" and "unreadable gzip data" in violation.message
    assert violation.source.line == report.outcomes.passed + 1 and report.outcomes.passed > 0
    assert records[0]["source"]["file"] == str(path)


def test_truncated_gzip_json_document(example_plan, tmp_path):
    path = tmp_path / "cut.json.gz"
    path.write_bytes(gzip.compress(b"[" + GOOD + b"]")[:-10])
    report, _ = run(example_plan, path, tmp_path=tmp_path)
    assert report.violations[0].code == "EV001" and "gzip" in report.violations[0].message


def test_cli_run_goes_on_after_bad_files(tmp_path):
    (tmp_path / "a.json").write_bytes(b"{not json")
    (tmp_path / "b.jsonl").write_bytes(GOOD)
    code, out, _ = invoke("validate", "--plan", str(EXAMPLE_PLAN), str(tmp_path / "a.json"), str(tmp_path / "b.jsonl"))
    assert code == 1 and "2 event(s) read, 1 valid, 1 invalid" in out and "a.json" in out


def test_read_events_gives_every_record_with_its_place(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_bytes(GOOD + b"\n" + b"oops\n")
    records = list(read_events([path]))
    assert [(r.source.line, r.parsed) for r in records] == [(1, True), (3, False)]
    assert records[0].raw == GOOD
