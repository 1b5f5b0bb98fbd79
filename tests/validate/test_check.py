"""The per-event check: Validator.check, memoised validate, best_violation, the public records."""
import io
import threading

import orjson
import pytest

import protocol_kit
from protocol_kit import EventResult, Location, Validator, Violation, best_violation, validate
from protocol_kit.events import read_chunks
from protocol_kit.validation import api
from tests.validate.conftest import EXAMPLE_PLAN, ROOT
from tests.validate.test_api import ORDER, with_properties

CASES = ROOT / "tests" / "cases" / "validate"


def case_events():
    for path in sorted(CASES.glob("*/events.jsonl")):
        for line in path.read_bytes().splitlines():
            if line.strip():
                try:
                    yield orjson.loads(line)
                except orjson.JSONDecodeError:
                    continue


def test_check_gives_the_violations_a_run_reports(example_plan):
    """Event by event, check finds exactly what a run over the same events finds."""
    events = list(case_events())
    assert len(events) > 20
    validator = Validator(example_plan)
    one_by_one = [v for e in events for v in validator.check(e).violations]
    run = Validator(example_plan, max_violations=10_000).run(events)
    strip = lambda v: (v.code, v.path, v.message, v.event)  # noqa: E731 (sources differ: index 0 against n)
    assert [strip(v) for v in one_by_one] == [strip(v) for v in run.violations]


@pytest.mark.parametrize("mode, pii", [("report", "flag"), ("block", "redact"), ("quarantine", "flag")])
def test_check_routes_each_event_as_a_run_does(example_plan, mode, pii):
    """Each event's outcome and output are where a run sends it and the bytes the run writes for it."""
    events = list(case_events())
    validator = Validator(example_plan, mode=mode, pii=pii)
    results = [validator.check(e) for e in events]
    valid, quarantined = io.BytesIO(), io.BytesIO()
    run = Validator(example_plan, mode=mode, pii=pii).run(events, valid_out=valid if mode != "report" else None,
                                                          quarantine_out=quarantined if mode == "quarantine" else None)
    counted = {name: sum(r.outcome == name for r in results) for name in api.OUTCOMES}
    assert counted == {name: getattr(run.outcomes, name) for name in api.OUTCOMES}
    assert counted["passed"] < len(events) and counted["passed"] > 0
    written = b"".join(r.output for r in results if r.outcome == "passed" and r.output is not None)
    assert written == valid.getvalue()
    if mode == "report":
        assert all(r.output is None for r in results)
    if mode == "quarantine":  # the records differ only by where the event was (index 0 against n)
        def found(line):
            record = orjson.loads(line)
            said = [(v["code"], v["path"], v["message"]) for v in record["violations"]]
            return record.get("payload", record.get("raw")), said
        kept = [found(r.output) for r in results if r.outcome == "quarantined"]
        assert kept == [found(line) for line in quarantined.getvalue().splitlines()]


def test_check_agrees_with_validate(example_plan):
    validator = Validator(example_plan)
    for event in (ORDER, with_properties(total="1"), {"event": "Order Complete"}, [], "x"):
        assert validator.check(event) == validate(event, example_plan)


def test_check_of_a_valid_event_has_no_violations(example_plan):
    result = Validator(example_plan).check(ORDER)
    assert isinstance(result, EventResult) and result.ok and result.violations == ()
    assert result.record.payload is ORDER and result.rewritten is None


def test_check_rewrites_personal_data_in_redact_mode(example_plan):
    event = {"event": "Products Searched", "properties": {"query": "mail jane.doe@example.com"}}
    result = Validator(example_plan, pii="redact").check(event)
    assert result.ok and [v.code for v in result.violations] == ["PII001"]
    assert "jane" not in orjson.dumps(result.rewritten).decode()


def test_validate_remembers_its_validator_per_plan(example_plan):
    first = api.remembered_validator(example_plan)
    assert api.remembered_validator(example_plan) is first
    assert api.remembered_validator(example_plan, pii="off") is not first
    assert api.remembered_validator(EXAMPLE_PLAN) is api.remembered_validator(str(EXAMPLE_PLAN))


def test_validate_reads_a_plan_file_again_once_it_changed(tmp_path):
    plan = tmp_path / "plan.yaml"
    text = EXAMPLE_PLAN.read_text()
    plan.write_text(text)
    assert validate(ORDER, plan).ok
    plan.write_text(text.replace("Order Completed", "Order Finished"))
    assert [v.code for v in validate(ORDER, plan).violations] == ["EV002"]


def test_one_validator_checks_from_many_threads(example_plan):
    validator = Validator(example_plan)
    events = list(case_events()) * 5
    expected = [validator.check(e) for e in events]
    answers: dict[int, list] = {}

    def work(n):
        answers[n] = [validator.check(e) for e in events]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(answer == expected for answer in answers.values())


def test_quarantine_run_needs_somewhere_to_write(example_plan):
    with pytest.raises(ValueError, match="quarantine mode needs quarantine_out"):
        Validator(example_plan, mode="quarantine").run([with_properties(total="1")])
    out = io.BytesIO()
    report = Validator(example_plan, mode="quarantine").run([with_properties(total="1")], quarantine_out=out)
    assert report.outcomes.quarantined == 1 and out.getvalue().count(b"\n") == 1


def violation(code, path="", severity=None):
    return Violation.of(code, "m", path=path, **({"severity": severity} if severity else {}))


def test_best_violation_prefers_severity_then_depth_then_code_order():
    assert best_violation([]) is None
    warning = violation("EV012")
    deep = violation("EV004", "/properties/a/b")
    shallow = violation("EV006", "/properties/c")
    missing = violation("EV003", "/properties/c")
    assert best_violation([warning, deep, shallow, missing]) is missing
    assert best_violation([warning, deep]) is deep
    assert best_violation([warning]) is warning
    first, second = violation("EV004", "/properties/x"), violation("EV004", "/properties/y")
    assert best_violation(iter([first, second])) is first


def test_best_violation_of_a_real_event(example_plan):
    result = validate(with_properties(total="1", currency="usd", extra=1), example_plan)
    assert best_violation(result.violations).code == "EV004"
    assert best_violation(validate({"event": "Order Complete"}, example_plan).violations).code == "EV002"


def test_records_and_errors_are_public():
    for name in ("Violation", "Location", "EventRecord", "EventResult", "ValidationReport", "Summary",
                 "Outcomes", "DigestRow", "best_violation", "ProtocolKitError", "PlanError", "ConfigError",
                 "InputError"):
        assert name in protocol_kit.__all__
    assert issubclass(protocol_kit.PlanError, protocol_kit.ProtocolKitError)
    assert protocol_kit.Location is Location


def test_check_of_events_read_from_a_file(example_plan):
    path = CASES / "invalid_values" / "events.jsonl"
    validator = Validator(example_plan)
    records = [r for chunk in read_chunks([path]) for r in _records(chunk)]
    results = [validator.check(r) for r in records]
    assert [r.record.source.line for r in results] == [r.source.line for r in records]
    assert any(not r.ok for r in results)
    assert all(v.source.file == str(path) for r in results for v in r.violations)


def _records(chunk):
    from protocol_kit.events.reader import parse_line

    for offset, line in enumerate(chunk.lines):
        if line.strip():
            yield parse_line(line, Location(file=chunk.file, line=chunk.first_line + offset))


def test_check_of_a_body_gives_each_event_the_output_a_run_writes(example_plan):
    """Conforming events of an SDK body carry the line a block-mode run writes for them, as a lone event does."""
    events = [e for e in case_events() if isinstance(e, dict) and e.get("type") == "track"][:20]
    body = orjson.dumps({"batch": events})
    result = Validator(example_plan, mode="block", pii="off").check(body)
    valid = io.BytesIO()
    Validator(example_plan, mode="block", pii="off").run([body], valid_out=valid)
    passed = [r for r in result.events if r.outcome == "passed"]
    assert passed and len(passed) < len(result.events)
    assert b"".join(r.output for r in passed) == valid.getvalue()
