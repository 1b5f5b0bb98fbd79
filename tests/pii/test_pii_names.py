import json
from pathlib import Path

import pytest

from protocol_kit.pii import PiiRules, classify_name, match_name
from protocol_kit.pii.words import split_words

NAMES = [json.loads(line) for line in
         (Path(__file__).parents[1] / "cases" / "pii" / "names.jsonl").read_text().splitlines() if line]


@pytest.mark.parametrize("case", NAMES, ids=lambda c: f"{'.'.join(c['parents'] + [c['name']])}")
def test_classify_name(case):
    assert classify_name(case["name"], case["parents"]) == case["expected"]


@pytest.mark.parametrize("name, words", [
    ("userIPAddress", ("user", "ip", "address")),
    ("user_ip_address", ("user", "ip", "address")),
    ("user-ip-address", ("user", "ip", "address")),
    ("User IP Address", ("user", "ip", "address")),
    ("address_line2", ("address", "line", "2")),
    ("firstname", ("first", "name")),
    ("HTTPServerURL", ("http", "server", "url")),
])
def test_split_words(name, words):
    assert split_words(name) == words


@pytest.mark.parametrize("name", ["email_sha256", "hashed_email", "emailMd5", "email_hash"])
def test_hash_suffix_keeps_category_at_low_sensitivity(name):
    match = match_name(name)
    assert (match.category, match.hashed, match.sensitivity) == ("email", True, "low")


@pytest.mark.parametrize("name, strength", [
    ("mobile", "weak"), ("card_number", "weak"), ("mac", "weak"), ("email", "strong"), ("lat", "pair"),
])
def test_strength(name, strength):
    assert match_name(name).strength == strength


def test_classify_name_counts_weak_names_but_not_lone_coordinates():
    assert classify_name("mobile") == "phone"
    assert classify_name("lat") is None and match_name("lat").category == "precise_location"


def test_custom_phrases_from_rules():
    rules = PiiRules(name_rules=(("member number", "gov_id"),))
    assert classify_name("memberNumber", rules=rules) == "gov_id"
    assert classify_name("memberNumber") is None


def test_very_long_names_are_not_names():
    assert classify_name("x" * 10_000 + "_email") is None
