"""Value checks against straightforward reference implementations and known values."""

from hypothesis import given, strategies as st
import pytest

from protocol_kit.pii import checks


def reference_luhn(number: str) -> bool:
    digits = [int(d) for d in number]
    odd = digits[-1::-2]
    even = [sum(divmod(2 * d, 10)) for d in digits[-2::-2]]
    return (sum(odd) + sum(even)) % 10 == 0


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_luhn_agrees_with_reference(number):
    assert checks.luhn_valid(number) == reference_luhn(number)


@given(st.text(alphabet="0123456789", min_size=12, max_size=18))
def test_appending_the_luhn_check_digit_validates(prefix):
    check = next(d for d in "0123456789" if reference_luhn(prefix + d))
    assert checks.luhn_valid(prefix + check)


@pytest.mark.parametrize("number", [
    "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
    "3530111333300000", "2223003122003222", "30569309025904", "4222222222222",
])
def test_known_test_cards(number):
    assert checks.is_payment_card(number)


@pytest.mark.parametrize("number", [
    "1712345678905",        # Luhn-passing millisecond timestamp: no issuer starts with 1
    "1790012345678901230",  # snowflake-like id
    "4111111111111112",     # fails Luhn
    "411111111111",         # too short
    "3782822463100050",     # Amex prefix, wrong length
    "0000000000000000",
])
def test_not_cards(number):
    assert not checks.is_payment_card(number)


@pytest.mark.parametrize("iban, valid", [
    ("DE89370400440532013000", True), ("GB82 WEST 1234 5698 7654 32", True),
    ("NL91ABNA0417164300", True), ("FR1420041010050500013M02606", True),
    ("DE89370400440532013001", False), ("DE8937040044053201300", False),
    ("ZZ89370400440532013000", False), ("DE8937040044053201300!", False),
])
def test_iban(iban, valid):
    assert checks.is_iban(iban) is valid


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_ssn_rules(digits):
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    expected = area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"
    assert checks.is_ssn(f"{area}-{group}-{serial}") is expected


@given(st.ip_addresses())
def test_ip_matches_ipaddress_properties(address):
    expected = not (address.is_loopback or address.is_link_local or address.is_multicast
                    or address.is_unspecified or address.is_reserved)
    assert checks.is_personal_ip(str(address)) is expected


@pytest.mark.parametrize("text, valid", [
    ("00:1A:2B:3C:4D:5E", True), ("00-1a-2b-3c-4d-5e", True), ("001a.2b3c.4d5e", True),
    ("00:00:00:00:00:00", False), ("02:00:00:00:00:00", False), ("ff:ff:ff:ff:ff:ff", False),
    ("00:1A-2B:3C:4D:5E", False), ("00:1A:2B:3C:4D", False),
])
def test_mac(text, valid):
    assert checks.is_mac(text) is valid


def test_jwt_needs_a_json_header_with_alg():
    assert checks.is_jwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")
    assert not checks.is_jwt("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2ln")  # no alg
    assert not checks.is_jwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0")    # two parts
    assert not checks.is_jwt("eyJ!!!.a.b")
