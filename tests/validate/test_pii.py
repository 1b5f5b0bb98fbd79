"""Personal data while validating: protocol-kit validate --pii, and the same through the API."""
import hashlib
import io
import json
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings, strategies as st

from protocol_kit import Validator, validate
from protocol_kit.events import read_chunks
from protocol_kit.pii import PiiRules
from protocol_kit.pii.evaluate import load_cases, payload_for
from protocol_kit.pii.screen import Screen
from protocol_kit.pii import find_undeclared_pii
from protocol_kit.validation.personal import schema_facts
from tests.validate.conftest import EXAMPLE_PLAN, ROOT

EMAIL = "jane.doe@gmail.com"
CARD = "4111 1111 1111 1111"
CLEAN = b'{"type":"track","event":"Products Searched","messageId":"c-1","context":{"ip":"81.2.69.160"},' \
        b'"properties":{"query":"socks"}}\n'
IN_QUERY = b'{"type":"track","event":"Products Searched","messageId":"p-1",' \
           b'"properties":{"query":"mail me: ' + EMAIL.encode() + b'"}}\n'
CARD_QUERY = b'{"event":"Products Searched","messageId":"p-2","properties":{"query":"' + CARD.encode() + b'"}}\n'
DECLARED = b'{"type":"identify","messageId":"i-1","traits":{"email":"ada@lovelace.org"}}\n'  # planned
INVALID_WITH_PII = b'{"event":"Products Searched","messageId":"p-3","properties":{"query":"' + EMAIL.encode() + \
                   b'","results_count":"many"}}\n'
LINES = [CLEAN, IN_QUERY, CARD_QUERY, DECLARED, INVALID_WITH_PII]
SALT = "pepper"


@pytest.fixture
def events(project: Path) -> Path:
    path = project / "events.jsonl"
    path.write_bytes(b"".join(LINES))
    return path


def run_validate(run, project, *args):
    result = run(project, "validate", "--plan", str(EXAMPLE_PLAN), "events.jsonl", "--format", "json", *args)
    return result, json.loads(result.out)


def pii_violations(report):
    return [v for v in report["violations"] if v["code"] == "PII001"]


def assert_never_echoed(result, *files: Path):
    for text in (result.out, result.err, *(f.read_text("utf-8") for f in files)):
        assert EMAIL not in text and CARD not in text and CARD.replace(" ", "") not in text


def test_flag_reports_an_error_and_routes_as_before(run, project, events):
    result, report = run_validate(run, project, "--mode", "quarantine", "--valid-out", "ok.jsonl",
                                  "--quarantine-out", "bad.jsonl")
    found = pii_violations(report)
    assert [(v["message_id"], v["path"], v["expected"], v["severity"]) for v in found] == [
        ("p-1", "/properties/query", "email", "error"),
        ("p-2", "/properties/query", "payment_card", "error"),
        ("p-3", "/properties/query", "email", "error")]
    assert found[1]["actual"] == "**** **** **** 1111" and "(payment_card)" in found[1]["message"]
    assert result.code == 1
    # flagging changes no route: the events with personal data but no other error pass as they came
    assert (project / "ok.jsonl").read_bytes() == CLEAN + IN_QUERY + CARD_QUERY + DECLARED
    assert [r["source"]["line"] for r in map(json.loads, (project / "bad.jsonl").read_text().splitlines())] == [5]
    assert_never_echoed(result)


def test_redact_replaces_the_value_in_passed_events_and_warns(run, project, events):
    result, report = run_validate(run, project, "--pii", "redact", "--mode", "quarantine",
                                  "--valid-out", "ok.jsonl", "--quarantine-out", "bad.jsonl")
    assert {v["severity"] for v in pii_violations(report)} == {"warning"}
    assert all(v["message"].endswith("(redacted)") for v in pii_violations(report))
    passed = (project / "ok.jsonl").read_bytes().splitlines(keepends=True)
    assert passed[0] == CLEAN and passed[3] == DECLARED  # untouched events keep their bytes
    assert orjson.loads(passed[1])["properties"]["query"] == "[REDACTED:email]"
    assert orjson.loads(passed[2])["properties"]["query"] == "[REDACTED:payment_card]"
    # the quarantine file keeps the original event: that is what it is for
    quarantined = json.loads((project / "bad.jsonl").read_text())
    assert quarantined["payload"]["properties"]["query"] == EMAIL
    assert result.code == 1  # the invalid event's EV004
    assert_never_echoed(result, project / "ok.jsonl")


def test_hash_replaces_the_value_with_a_salted_sha256(run, project, events, monkeypatch):
    monkeypatch.setenv("PROTOCOL_KIT_PII_SALT", SALT)
    result, report = run_validate(run, project, "--pii", "hash", "--mode", "block", "--valid-out", "ok.jsonl")
    passed = (project / "ok.jsonl").read_bytes().splitlines(keepends=True)
    expected = hashlib.sha256((SALT + "mail me: " + EMAIL).encode()).hexdigest()
    assert orjson.loads(passed[1])["properties"]["query"] == expected
    assert passed[0] == CLEAN and report["summary"]["outcomes"]["dropped"] == 1
    assert_never_echoed(result, project / "ok.jsonl")


def test_hash_takes_the_salt_from_the_pii_config(run, project, events):
    (project / "pyproject.toml").write_text(f'[tool.protocol-kit.pii]\nsalt = "{SALT}"\n', "utf-8")
    result, _ = run_validate(run, project, "--pii", "hash", "--mode", "block", "--valid-out", "ok.jsonl")
    assert result.code == 1
    card = orjson.loads((project / "ok.jsonl").read_bytes().splitlines()[2])["properties"]["query"]
    assert card == hashlib.sha256((SALT + CARD).encode()).hexdigest()


def test_hash_without_a_salt_is_a_usage_error(run, project, events, monkeypatch):
    monkeypatch.delenv("PROTOCOL_KIT_PII_SALT", raising=False)
    result = run(project, "validate", "--plan", str(EXAMPLE_PLAN), "events.jsonl", "--pii", "hash")
    assert result.code == 2 and "needs a salt" in result.err


def test_block_makes_the_event_nonconforming(run, project, events):
    result, report = run_validate(run, project, "--pii", "block", "--mode", "quarantine",
                                  "--valid-out", "ok.jsonl", "--quarantine-out", "bad.jsonl")
    assert (project / "ok.jsonl").read_bytes() == CLEAN + DECLARED
    quarantined = [json.loads(line) for line in (project / "bad.jsonl").read_text().splitlines()]
    assert [r["source"]["line"] for r in quarantined] == [2, 3, 5]
    assert quarantined[0]["payload"]["properties"]["query"] == f"mail me: {EMAIL}"
    assert report["summary"]["outcomes"] == {"mode": "quarantine", "read": 5, "passed": 2, "omitted": 0,
                                             "dropped": 0, "quarantined": 3, "reported": 0}
    assert_never_echoed(result, project / "ok.jsonl")


def test_block_in_block_mode_drops(run, project, events):
    _, report = run_validate(run, project, "--pii", "block", "--mode", "block", "--valid-out", "ok.jsonl")
    assert report["summary"]["outcomes"]["dropped"] == 3
    assert (project / "ok.jsonl").read_bytes() == CLEAN + DECLARED


def test_off_looks_for_nothing(run, project, events):
    result, report = run_validate(run, project, "--pii", "off")
    assert not pii_violations(report)


def test_mode_from_validate_settings(run, project, events):
    (project / "pyproject.toml").write_text('[tool.protocol-kit.validate]\npii = "off"\n', "utf-8")
    _, report = run_validate(run, project)
    assert not pii_violations(report)


def test_allow_listed_test_emails_pass(run, project):
    (project / "pyproject.toml").write_text(
        "[[tool.protocol-kit.pii.allow]]\nvalue = '@example\\.com$'\ncategory = \"email\"\n"
        'reason = "test accounts"\n', "utf-8")
    test_account = b'{"event":"Products Searched","properties":{"query":"qa+1@example.com"}}\n'
    (project / "events.jsonl").write_bytes(test_account + IN_QUERY)
    _, report = run_validate(run, project)
    assert [v["message_id"] for v in pii_violations(report)] == ["p-1"]


def test_text_report_masks_the_value(run, project, events):
    result = run(project, "validate", "--plan", str(EXAMPLE_PLAN), "events.jsonl")
    assert "PII001" in result.out and "**** **** **** 1111" in result.out
    assert_never_echoed(result)


def test_jobs_give_the_same_outputs(project, events):
    outputs = []
    for jobs in (1, 2):
        valid = io.BytesIO()
        report = Validator(EXAMPLE_PLAN, mode="block", pii="redact", jobs=jobs).run(
            read_chunks([events], slices=jobs > 1), valid_out=valid)
        outputs.append((valid.getvalue(), report.summary))
    assert outputs[0] == outputs[1]


# --- the API ------------------------------------------------------------------------------------------

ORDER = {"type": "track", "event": "Products Searched", "messageId": "m-1", "properties": {"query": "socks"}}


def with_query(query):
    return {**ORDER, "properties": {"query": query}}


def test_validate_flags_by_default(example_plan):
    result = validate(with_query(f"for {EMAIL}"), example_plan)
    assert not result.ok and [v.code for v in result.violations] == ["PII001"]
    assert result.rewritten is None


def test_schema_violations_do_not_quote_personal_data(example_plan):
    order = {"event": "Order Completed", "properties": {"order_id": "o-1", "total": 1, "currency": EMAIL}}
    enum, pii = validate(order, example_plan).violations
    assert (enum.code, enum.actual, pii.code) == ("EV006", "j***@g***.com", "PII001")
    assert enum.message == "property 'currency' should be one of 'USD', 'EUR', 'GBP', got 'j***@g***.com'"
    unmasked = validate(order, example_plan, pii="off").violations[0]
    assert unmasked.actual == EMAIL  # without detection nothing says the value is personal


def test_validate_redacts_and_hashes(example_plan):
    redacted = validate(with_query(CARD), example_plan, pii="redact")
    assert redacted.ok and redacted.rewritten["properties"]["query"] == "[REDACTED:payment_card]"
    hashed = validate(with_query(CARD), example_plan, pii="hash", salt=SALT)
    assert hashed.rewritten["properties"]["query"] == hashlib.sha256((SALT + CARD).encode()).hexdigest()
    assert validate(ORDER, example_plan, pii="redact").rewritten is None


def test_validate_with_pii_off_or_custom_rules(example_plan):
    assert validate(with_query(EMAIL), example_plan, pii="off").ok
    rules = PiiRules(expected_paths=("properties.query",))
    assert validate(with_query(EMAIL), example_plan, pii_rules=rules).ok


def test_hash_needs_a_salt_and_modes_are_checked(example_plan):
    with pytest.raises(ValueError, match="salt"):
        Validator(example_plan, pii="hash").run([ORDER])
    with pytest.raises(ValueError, match="pii mode"):
        validate(ORDER, example_plan, pii="mask")


def test_declarations_cover_array_items_and_what_is_nested(example_plan):
    schema = {"properties": {"traits": {"properties": {
        "email": {"type": "string", "x-pii": "email"},
        "kids": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string", "x-pii": "person_name"}, "born": {"type": "string", "format": "date"}}}},
        "newsletter": {"type": "boolean", "x-pii": False}}}}}
    declared, settled = schema_facts(schema)
    assert declared == {"/traits/email": "email", "/traits/kids/*/name": "person_name", "/traits/newsletter": False,
                        # planned without a declaration: they pass on their names, not on their values
                        "/traits": False, "/traits/kids": False, "/traits/kids/*": False, "/traits/kids/*/born": False}
    assert settled == {"/traits/kids/*/born", "/traits/newsletter"}
    identify = {"type": "identify", "traits": {"first_name": ["Ada"]}}
    codes = [v.code for v in validate(identify, example_plan).violations]
    assert "EV004" in codes and "PII001" not in codes  # first_name is declared: its items are too


# --- nothing is lost ----------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(lines=st.lists(st.sampled_from(LINES + [b"{bad\n"]), max_size=25),
       mode=st.sampled_from(["block", "quarantine"]), pii=st.sampled_from(["flag", "redact", "hash", "block"]))
def test_every_record_ends_in_exactly_one_output(example_plan, tmp_path_factory, lines, mode, pii):
    path = tmp_path_factory.mktemp("events") / "mixed.jsonl"
    path.write_bytes(b"".join(lines))
    valid, quarantine = io.BytesIO(), io.BytesIO()
    report = Validator(example_plan, mode=mode, pii=pii, salt=SALT).run(
        read_chunks([path], chunk_lines=4), valid_out=valid,
        quarantine_out=quarantine if mode == "quarantine" else None)
    outcomes = report.outcomes
    assert outcomes.read == len(lines) == outcomes.passed + outcomes.dropped + outcomes.quarantined
    passed = valid.getvalue().splitlines(keepends=True)
    assert len(passed) == outcomes.passed
    assert len(quarantine.getvalue().splitlines()) == outcomes.quarantined
    with_pii = (IN_QUERY, CARD_QUERY)
    expected_passed = [line for line in lines if line in (CLEAN, DECLARED) or (line in with_pii and pii != "block")]
    assert len(passed) == len(expected_passed)
    # unchanged events keep their bytes; events with personal data are passed as they came only when flagged
    for line, out in zip(expected_passed, passed):
        assert (out == line) == (line not in with_pii or pii == "flag")


# --- the screen never clears what the detector would report ---------------------------------------------

CORPORA = [ROOT / "tests" / "cases" / "pii" / name for name in ("corpus.jsonl", "heldout.jsonl")]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_screen_clears_nothing_the_detector_reports(corpus):
    rules = PiiRules(expected_paths=())
    screen = Screen(rules)
    for case in load_cases(corpus):
        payload = payload_for(case)
        if find_undeclared_pii(payload, rules=rules):
            assert not screen.clears(payload), case


def test_screen_tells_equal_numbers_of_other_types_apart():
    screen = Screen(PiiRules())
    assert screen.clears({"properties": {"age": True}})
    assert not screen.clears({"properties": {"age": 1}})  # a strong name on a number: the detector decides
    assert find_undeclared_pii({"properties": {"age": 1}})
