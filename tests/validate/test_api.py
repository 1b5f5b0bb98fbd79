"""The library API: load_plan, validate, Validator, validate_dataframe."""
import io

import pandas as pd
import pytest

import protocol_kit
from protocol_kit import Validator, load_plan, validate, validate_dataframe
from protocol_kit.compile import CompiledPlan
from protocol_kit.events import EventRecord
from tests.validate.conftest import EXAMPLE_PLAN, ROOT

ORDER = {"type": "track", "event": "Order Completed", "messageId": "m-1",
         "properties": {"order_id": "o-1", "total": 10.5, "currency": "EUR"}}


def with_properties(**changes):
    return {**ORDER, "properties": {**ORDER["properties"], **changes}}


def test_exports():
    assert {"load_plan", "validate", "Validator", "validate_dataframe"} <= set(protocol_kit.__all__)
    for name in protocol_kit.__all__:
        assert callable(getattr(protocol_kit, name))


def test_validate_one_event(example_plan):
    assert validate(ORDER, example_plan).ok
    result = validate(with_properties(total="10.5", coupon_code="X"), example_plan)
    assert not result.ok
    assert [(v.code, v.path) for v in result.violations] == [
        ("EV005", "/properties/coupon_code"), ("EV004", "/properties/total")]
    assert result.violations[1].message_id == "m-1" and result.violations[1].event == "Order Completed"


def test_plans_in_every_form_give_the_same_answers(example_plan):
    folder = load_plan(ROOT / "schemas" / "ecommerce")
    assert isinstance(folder, CompiledPlan)
    event = with_properties(currency="usd")
    answers = [validate(event, p).violations for p in (example_plan, folder, EXAMPLE_PLAN, str(EXAMPLE_PLAN))]
    assert answers[0] and all(a == answers[0] for a in answers)


def test_warnings_do_not_make_an_event_invalid(example_plan):
    result = validate({"event": "Order Cancelled", "properties": {"order_id": "o"}}, example_plan)
    assert result.ok and [v.code for v in result.violations] == ["EV012"]


def test_fail_fast_stops_at_the_first_violation(example_plan):
    event = with_properties(total="1", currency="usd", extra=1)
    everything = Validator(example_plan).run([event])
    first = Validator(example_plan, fail_fast=True).run([event])
    assert everything.summary.violations == 3 and first.summary.violations == 1
    assert first.summary.invalid == 1


def test_validator_streams_dicts_and_records(example_plan):
    events = [ORDER, with_properties(total=-1), EventRecord(error="bad bytes"), ORDER]
    valid = io.BytesIO()
    report = Validator(example_plan, mode="block").run(iter(events), valid_out=valid)
    assert (report.summary.events, report.summary.valid, report.summary.invalid) == (4, 2, 2)
    assert report.outcomes.dropped == 2 and report.outcomes.balanced
    assert [v.source.index for v in report.violations] == [1, None]
    assert valid.getvalue().count(b"\n") == 2 and not report.ok


def test_violations_are_capped_but_all_counted(example_plan):
    report = Validator(example_plan, max_violations=3).run([with_properties(total="x")] * 10)
    assert len(report.violations) == 3 and report.violations_omitted == 7
    assert report.summary.violations == 10
    [row] = report.digest
    assert row.count == 10 and row.path == "/properties/total"


def test_digest_groups_array_items_and_keeps_three_message_ids(example_plan):
    events = [{**ORDER, "messageId": f"m-{n}", "properties": {**ORDER["properties"], "products": [
        {"product_id": "p", "quantity": 0}, {"product_id": "q", "quantity": 0}]}} for n in range(5)]
    [row] = Validator(example_plan).run(events).digest
    assert (row.path, row.count, row.code) == ("/properties/products/*/quantity", 10, "EV009")
    assert row.message_ids == ("m-0", "m-1", "m-2")
    assert (row.first.index, row.last.index) == (0, 4)


def test_personal_data_is_masked(example_plan):
    result = validate({"type": "identify", "traits": {"email": "jane.doe@@example.com"}}, example_plan)
    [violation] = result.violations
    assert "jane" not in violation.message and "jane" not in str(violation.actual)


def test_unknown_mode_is_refused(example_plan):
    with pytest.raises(ValueError, match="mode must be one of"):
        Validator(example_plan, mode="drop")


def test_validate_dataframe_of_events(example_plan):
    frame = pd.DataFrame([ORDER, with_properties(total="1"), {"type": "track", "event": "Order Complete"}],
                         index=["a", "b", "c"])
    found = validate_dataframe(frame, example_plan)
    assert list(found["row"]) == ["b", "c"]
    assert list(found["code"]) == ["EV004", "EV002"]
    assert found.loc[0, "path"] == "/properties/total"


def test_validate_dataframe_column_of_json_strings(example_plan):
    frame = pd.DataFrame({"payload": ['{"event":"Products Searched","properties":{"query":"x"}}', "{oops", None]})
    found = validate_dataframe(frame, example_plan, column="payload")
    assert list(found["row"]) == [1, 2] and set(found["code"]) == {"EV001"}


def test_fail_fast_still_finds_the_error_after_a_warning(example_plan):
    deprecated_and_broken = {"event": "Order Cancelled", "properties": {}}
    report = Validator(example_plan, fail_fast=True, mode="block").run([deprecated_and_broken])
    assert [v.code for v in report.violations] == ["EV012", "EV003"]
    assert report.outcomes.dropped == 1


def test_digest_rows_are_bounded(example_plan, monkeypatch):
    from protocol_kit.validation import digest

    monkeypatch.setattr(digest, "MAX_DIGEST_ROWS", 5)
    report = Validator(example_plan).run({"event": f"Clicked {n}"} for n in range(20))
    assert len(report.digest) == 6
    other = next(row for row in report.digest if row.event == "(other)")
    assert (other.count, other.code, other.path) == (15, "EV002", "*")
