import copy
import hashlib

from protocol_kit.pii import detect_pii, hash_values, redact

PAYLOAD = {
    "event": "Order Completed",
    "properties": {
        "email": "jane@gmail.com",
        "products": [{"sku": "A-1", "buyer": {"phone": "+14155552671"}}],
        "votes": {"bob@gmail.com": {"card": "4111111111111111"}},
        "total": 10,
    },
}


def test_redact_replaces_values_and_keys_and_keeps_the_rest():
    before = copy.deepcopy(PAYLOAD)
    redacted = redact(PAYLOAD, detect_pii(PAYLOAD))
    assert PAYLOAD == before
    assert redacted == {
        "event": "Order Completed",
        "properties": {
            "email": "[REDACTED:email]",
            "products": [{"sku": "A-1", "buyer": {"phone": "[REDACTED:phone]"}}],
            "votes": {"[REDACTED:email]": {"card": "[REDACTED:payment_card]"}},
            "total": 10,
        },
    }
    assert detect_pii(redacted) == []


def test_hash_values_is_salted_sha256_and_does_not_mutate():
    before = copy.deepcopy(PAYLOAD)
    hashed = hash_values(PAYLOAD, detect_pii(PAYLOAD), "pepper")
    assert PAYLOAD == before
    assert hashed["properties"]["email"] == hashlib.sha256(b"pepperjane@gmail.com").hexdigest()
    assert hashlib.sha256(b"pepperbob@gmail.com").hexdigest() in hashed["properties"]["votes"]
    assert hash_values(PAYLOAD, detect_pii(PAYLOAD), b"salt2")["properties"]["email"] != hashed["properties"]["email"]


def test_untouched_branches_are_shared_not_copied():
    payload = {"properties": {"email": "jane@gmail.com"}, "context": {"library": {"name": "x"}}}
    redacted = redact(payload, detect_pii(payload))
    assert redacted["context"] is payload["context"]
    assert redacted["properties"] is not payload["properties"]


def test_deep_payloads():
    payload: dict = {"email": "jane@gmail.com"}
    for _ in range(10_000):
        payload = {"child": payload}
    redacted = redact(payload, detect_pii(payload))
    node = redacted
    for _ in range(10_000):
        node = node["child"]
    assert node == {"email": "[REDACTED:email]"}


def test_no_findings_returns_an_equal_copy():
    payload = {"properties": {"sku": "A"}}
    assert redact(payload, []) == payload and redact(payload, []) is not payload


def test_findings_of_another_payload_are_refused():
    import pytest
    findings = detect_pii({"properties": {"a": 1, "b": 2, "email": "jane@gmail.com"}})
    with pytest.raises(ValueError, match="does not belong to this payload"):
        redact({"properties": {"email": "jane@gmail.com"}}, findings)


def test_scalar_payload():
    assert redact("jane@gmail.com", detect_pii("jane@gmail.com")) == "[REDACTED:email]"
