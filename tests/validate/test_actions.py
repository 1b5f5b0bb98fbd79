"""Enforcement actions per code (the code policy's ``actions``): pass, omit, drop."""
from __future__ import annotations

import io
import json

import orjson
import pytest

from protocol_kit import Validator
from protocol_kit.config import config_from_table
from protocol_kit.errors import ConfigError
from protocol_kit.events import read_chunks
from protocol_kit.policy import CodePolicy
from tests.validate.conftest import EXAMPLE_PLAN

ORDER = {"event": "Order Completed", "messageId": "m", "properties": {"order_id": "o-1", "total": 10, "currency": "EUR"}}
BAD_CURRENCY = {**ORDER, "properties": {**ORDER["properties"], "currency": "usd"}}  # EV006
BAD_COUPON = {**ORDER, "properties": {**ORDER["properties"], "coupon": 5}}  # EV004 on an optional property
BAD_TOTAL = {**ORDER, "properties": {**ORDER["properties"], "total": "10"}}  # EV004 on a required property


def run(events, mode="block", **actions):
    out, kept = io.BytesIO(), io.BytesIO()
    validator = Validator(EXAMPLE_PLAN, mode=mode, policy=CodePolicy(actions=actions))
    report = validator.run(events, valid_out=out if mode != "report" else None,
                           quarantine_out=kept if mode == "quarantine" else None)
    assert report.outcomes.balanced
    return report, [orjson.loads(line) for line in out.getvalue().splitlines()], kept.getvalue().splitlines()


def test_pass_lets_the_event_through_and_still_reports_it():
    report, passed, _ = run([BAD_CURRENCY], EV006="pass")
    assert report.outcomes.passed == 1 and passed == [BAD_CURRENCY]
    assert [v.code for v in report.violations] == ["EV006"] and report.summary.invalid == 1
    assert run([BAD_CURRENCY])[0].outcomes.dropped == 1


def test_omit_removes_the_field_when_the_event_then_conforms():
    report, passed, _ = run([BAD_COUPON, BAD_TOTAL], EV004="omit")
    assert (report.outcomes.omitted, report.outcomes.dropped) == (1, 1)  # total is required: omitting fails
    [event] = passed
    assert "coupon" not in event["properties"] and event["context"]["protocols"]["omitted"] == ["coupon"]


def test_drop_drops_even_in_quarantine_mode(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_bytes(b"\n".join([orjson.dumps(BAD_CURRENCY), b"{not json", orjson.dumps(ORDER)]) + b"\n")
    validator = Validator(EXAMPLE_PLAN, mode="quarantine", policy=CodePolicy(actions={"EV001": "drop"}))
    kept = io.BytesIO()
    report = validator.run(read_chunks([path]), quarantine_out=kept)
    assert (report.outcomes.passed, report.outcomes.quarantined, report.outcomes.dropped) == (1, 1, 1)
    assert [json.loads(line)["source"]["line"] for line in kept.getvalue().splitlines()] == [1]


def test_report_mode_changes_nothing():
    report, _, _ = run([BAD_CURRENCY, ORDER], mode="report", EV006="pass")
    assert (report.outcomes.reported, report.outcomes.passed) == (1, 1)


def test_prefixes_and_the_omit_flag():
    policy = CodePolicy(actions={"EV0": "drop", "EV006": "pass"})
    assert (policy.action_of("EV006"), policy.action_of("EV004"), policy.action_of("PII001")) == ("pass", "drop", None)
    unplanned = {**ORDER, "properties": {**ORDER["properties"], "colour": "red"}}
    report = Validator(EXAMPLE_PLAN, mode="block", omit_unplanned=True).run([unplanned], valid_out=io.BytesIO())
    assert report.outcomes.omitted == 1  # --omit-unplanned-properties: the omit action of EV005


def test_actions_from_the_configuration(tmp_path, monkeypatch, protocol_kit):
    config = config_from_table({"validate": {"actions": {"ev006": "pass"}}}, root=tmp_path)
    assert dict(config.policy("validate").actions) == {"EV006": "pass"}
    with pytest.raises(ConfigError, match=r"\[tool.protocol-kit.validate\] actions.EV006: expected one of pass, omit, drop"):
        config_from_table({"validate": {"actions": {"EV006": "quarantine"}}}, root=tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.protocol-kit.validate]\nactions = {EV006 = "pass"}\n')
    (tmp_path / "events.jsonl").write_bytes(orjson.dumps(BAD_CURRENCY) + b"\n")
    monkeypatch.chdir(tmp_path)
    outcome = protocol_kit("validate", "--plan", str(EXAMPLE_PLAN), "events.jsonl", "--mode", "block",
                           "--valid-out", "ok.jsonl", "--format", "json")
    assert json.loads(outcome.stdout)["summary"]["outcomes"]["passed"] == 1
    assert (tmp_path / "ok.jsonl").read_bytes().count(b"\n") == 1
