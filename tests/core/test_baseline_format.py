"""One baseline format for every tool, driven by case folders: tests/cases/baseline/<case>/{baseline.json, expected.json}.

``baseline.json`` is a file in any format a baseline was ever written in (version 1 of
``--write-baseline``, the personal-data list of ``[tool.protocol-kit.pii] baseline``, version 2);
``expected.json`` lists its entries as version 2 writes them.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from protocol_kit import baseline
from protocol_kit.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "baseline"
EVENT = {"type": "track", "event": "Product Viewed", "messageId": "m-1", "userId": "u-1",
         "properties": {"product_id": "p-1", "price": 1.5, "currency": "EUR",
                        "products": [{"contact": "jane.doe@gmail.com"}, {"contact": "joe.bloggs@gmail.com"}]}}


@pytest.mark.parametrize("case", sorted(CASES.iterdir()), ids=lambda p: p.name)
def test_every_format_reads_into_one(case):
    read = baseline.load(case / "baseline.json")
    assert [e.to_dict() for e in read.entries] == json.loads((case / "expected.json").read_text("utf-8"))["entries"]


@pytest.mark.parametrize("case", sorted(CASES.iterdir()), ids=lambda p: p.name)
def test_what_is_read_is_written_in_the_one_format_and_reads_back_the_same(case, tmp_path):
    read = baseline.load(case / "baseline.json")
    baseline.write(read, tmp_path / "again.json")
    written = json.loads((tmp_path / "again.json").read_text("utf-8"))
    assert written["version"] == baseline.FORMAT_VERSION and baseline.load(tmp_path / "again.json") == read


def test_a_category_narrows_an_entry_and_no_category_covers_them_all():
    read = baseline.load(CASES / "version-2-with-categories" / "baseline.json")
    note = ("Order Completed", "pii_detected", "/properties/note", "PII001")
    assert read.covers(note, category="email") and not read.covers(note, category="gov_id")
    assert read.covers(("identify", "pii_detected", "/traits/a~1b", "PII001"), category="gov_id")


@pytest.mark.parametrize("content, message", [
    ('{"version": 3, "signatures": []}', "baseline version 3 is not one this version of protocol-kit reads"),
    ('[{"event": "E", "path": "properties..x", "category": "email"}]', r"\[0\].path: not a dotted path"),
    ('[{"event": "E", "path": 3}]', r"\[0\] should be an object with the strings event, path and category"),
])
def test_bad_baselines_are_input_errors_naming_the_file(content, message, tmp_path):
    (tmp_path / "b.json").write_text(content)
    with pytest.raises(InputError, match=message) as error:
        baseline.load(tmp_path / "b.json")
    assert str(error.value).startswith(f"{tmp_path / 'b.json'}: ")


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copy(ROOT / "plans" / "ecommerce.yaml", tmp_path / "shop.yaml")
    (tmp_path / "events.jsonl").write_text(json.dumps(EVENT) + "\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def personal_data(outcome) -> list[tuple[str, str]]:
    document = json.loads(outcome.stdout)
    return [(row["path"], row.get("status", "")) for row in document["digest"] if row["code"] == "PII001"]


def test_a_baseline_written_by_validate_is_the_personal_data_baseline_too(protocol_kit, project):
    (project / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["shop.yaml"]\n')
    first = protocol_kit("validate", "events.jsonl", "--format", "json", "--write-baseline", "accepted.json")
    assert personal_data(first) == [("/properties/products/*/contact", "")]
    (project / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["shop.yaml"]\n'
                                            '[tool.protocol-kit.pii]\nbaseline = "accepted.json"\n')
    again = protocol_kit("validate", "events.jsonl", "--format", "json")
    assert again.code == 1 and personal_data(again) == []  # the unplanned property (EV005) is still reported


def test_a_personal_data_list_of_earlier_versions_serves_as_a_run_baseline(protocol_kit, project):
    (project / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["shop.yaml"]\n')
    (project / "old.json").write_text(json.dumps(
        [{"event": "Product Viewed", "path": "properties.products[*].contact", "category": "email"}]))
    compared = protocol_kit("validate", "events.jsonl", "--format", "json", "--baseline", "old.json")
    assert personal_data(compared) == [("/properties/products/*/contact", "present")]
