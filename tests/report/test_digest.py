"""protocol-kit digest: saved results combined over a time window."""
from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest

from protocol_kit.errors import InputError
from protocol_kit.report import from_violations, render
from protocol_kit.report.load import load_result
from protocol_kit.report.window import parse_time, parse_window
from protocol_kit.violation import Location, Violation
from tests.report.sample import report


def result(created: str, *problems: tuple[str, str, str]) -> str:
    found = [Violation.of(code, f"{code} in {event}", event=event, event_type="track", path=path,
                          source=Location(file="events.jsonl", line=i + 1), message_id=f"m{i}")
             for i, (code, event, path) in enumerate(problems)]
    return render("json", from_violations("validate", found, plan="shop", totals={"events": 10}, created=created))


@pytest.fixture
def saved(tmp_path):
    days = {
        "day0.json": result("2026-01-03T08:00:00Z", ("EV002", "Signed Up", "")),
        "day1.json": result("2026-01-04T08:00:00Z", ("EV003", "Order Completed", "/properties/order_id")),
        "day2.json": result("2026-01-05T08:00:00Z", ("EV003", "Order Completed", "/properties/order_id"),
                            ("EV006", "Order Completed", "/properties/currency"),
                            ("EV006", "Order Completed", "/properties/currency")),
    }
    for name, text in days.items():
        (tmp_path / name).write_text(text)
    return sorted(str(tmp_path / name) for name in days)


def test_new_in_the_window_versus_seen_before(protocol_kit, saved):
    out = protocol_kit("digest", *saved, "--window", "24h", "--now", "2026-01-05T12:00:00Z", "--format", "json")
    document = json.loads(out.stdout)
    status = {row["code"]: row["status"] for row in document["digest"]}
    assert status == {"EV006": "new", "EV003": "present"}
    assert [e["code"] for e in document["summary"]["baseline"]["fixed"]] == ["EV002"]
    assert document["summary"]["results"] == 1 and document["summary"]["earlier results"] == 2
    assert document["summary"]["events"] == 10
    assert out.code == 1  # EV006 is new and an error


def test_a_wider_window_merges_rows_and_has_nothing_new_before_it(protocol_kit, saved):
    out = protocol_kit("digest", *saved, "--since", "2026-01-01", "--now", "2026-01-06", "--format", "json")
    document = json.loads(out.stdout)
    rows = {row["code"]: row for row in document["digest"]}
    assert rows["EV003"]["count"] == 2 and rows["EV006"]["count"] == 2
    assert {row["status"] for row in document["digest"]} == {"new"}
    assert document["summary"]["results"] == 3


def test_nothing_new_exits_0(protocol_kit, saved, tmp_path):
    (tmp_path / "day3.json").write_text(result("2026-01-06T08:00:00Z", ("EV003", "Order Completed", "/properties/order_id")))
    out = protocol_kit("digest", saved[1], str(tmp_path / "day3.json"), "--window", "1h", "--now", "2026-01-06T08:30:00Z")
    assert out.code == 0, out.stdout
    assert "0 new, 1 still present, 0 fixed" in out.stdout


def test_validator_shaped_results_without_created_use_the_file_time(protocol_kit, tmp_path):
    document = json.loads(render("json", report()))
    for key in ("created", "tool", "title", "by_event"):
        document["summary"].pop(key)
    path = tmp_path / "run.json"
    path.write_text(json.dumps(document))
    os.utime(path, (1767600000, 1767600000))  # 2026-01-05T08:00:00Z
    out = protocol_kit("digest", str(path), "--window", "2h", "--now", "2026-01-05T09:00:00Z", "--format", "json")
    assert json.loads(out.stdout)["summary"]["results"] == 1


def test_saved_json_loads_back_to_the_same_report(tmp_path):
    (tmp_path / "r.json").write_text(render("json", report()))
    assert render("json", load_result(tmp_path / "r.json")) == render("json", report())


@pytest.mark.parametrize("text, expected", [("48h", timedelta(hours=48)), ("7d", timedelta(days=7)),
                                            ("1d12h", timedelta(days=1, hours=12)), ("90m", timedelta(minutes=90))])
def test_windows(text, expected):
    assert parse_window(text) == expected


@pytest.mark.parametrize("text", ["", "48", "two days", "3x"])
def test_bad_windows_are_input_errors(text):
    with pytest.raises(InputError):
        parse_window(text)


def test_times_without_a_zone_are_utc():
    assert parse_time("2026-01-05T09:30:00") == parse_time("2026-01-05T09:30:00Z")


def test_a_file_that_is_not_a_result_exits_2(protocol_kit, tmp_path):
    (tmp_path / "x.json").write_text('{"a": 1}')
    out = protocol_kit("digest", str(tmp_path / "x.json"))
    assert out.code == 2 and "not a saved result" in out.stderr
