"""Personal data never appears in anything a finding prints."""
from hypothesis import given, strategies as st
import pytest

from protocol_kit.pii import CATEGORIES, detect_pii, mask_value

categories = st.sampled_from([None, *CATEGORIES])
raw_text = st.text(min_size=2, max_size=80).filter(lambda s: "*" not in s)


@given(raw_text, categories)
def test_mask_never_contains_the_raw_value(value, category):
    assert value not in str(mask_value(value, category))


@given(st.emails(), categories)
def test_masked_emails(email, category):
    assert email not in str(mask_value(email, category))


@given(st.integers(min_value=10, max_value=10**19), categories)
def test_masked_numbers(number, category):
    assert str(number) not in str(mask_value(number, category))


def test_mask_shapes():
    assert mask_value("jane.doe@gmail.com") == "j***@g***.com"
    assert mask_value("4111 1111 1111 1111", "payment_card") == "**** **** **** 1111"
    assert mask_value("eyJhbGciOiJIUzI1NiJ9.e30.sig", "credential") == "********"
    assert mask_value(None) is None and mask_value(True) is True


SECRETS = {
    "email": "jane.doe@gmail.com", "phone": "+14155552671", "card": "4111111111111111",
    "password": "hunter2-correct-horse", "iban": "DE89370400440532013000", "first_name": "Hieronymus",
    "ip": "81.2.69.142", "ssn": "536-22-8765", "note": "write to rachel@proton.me",
}


@pytest.mark.parametrize("name, value", SECRETS.items())
def test_findings_never_print_the_raw_value(name, value):
    [finding] = detect_pii({"properties": {name: value}})
    for text in (repr(finding), str(finding), str(finding.to_dict()), repr(detect_pii({"p": {name: value}}))):
        assert value not in text


def test_personal_keys_are_not_printed():
    findings = detect_pii({"properties": {"rachel@proton.me": {"phone": "+14155552671"}}})
    assert len(findings) == 2
    assert all("rachel@proton.me" not in repr(f) + str(f) for f in findings)
