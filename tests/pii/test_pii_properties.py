"""Properties over arbitrary payloads: no crash, no mutation, redaction removes every finding."""
import copy

from hypothesis import given, settings, strategies as st

from protocol_kit.pii import CATEGORIES, detect_pii, hash_values, redact
from protocol_kit.pii.finding import MATCHED_ON

SAMPLES = st.sampled_from([
    "jane@gmail.com", "+14155552671", "4111 1111 1111 1111", "81.2.69.142", "DE89370400440532013000",
    "Bearer abcdefghijklmnop1234567890", "https://x.com/?email=a%40b.co", "Order Completed", "logo@2x.png",
    "4.12.0.1", "1712345678905", "",
])
KEYS = st.sampled_from(["email", "name", "phone", "note", "products", "traits", "lat", "lng", "ip",
                        "card_number", "jane@gmail.com", "x", "password", "user"]) | st.text(max_size=12)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40) | SAMPLES
PAYLOADS = st.recursive(SCALARS, lambda children: st.lists(children, max_size=4)
                        | st.dictionaries(KEYS, children, max_size=5), max_leaves=30)


@settings(max_examples=300)
@given(PAYLOADS)
def test_detect_never_crashes_and_never_mutates(payload):
    before = copy.deepcopy(payload)
    findings = detect_pii(payload)
    assert payload == before or payload != payload  # NaN is never equal to itself
    for finding in findings:
        assert finding.pointer.count("/") >= 1 or finding.path == ""
        assert finding.matched_on in MATCHED_ON and finding.category in CATEGORIES


@settings(max_examples=300)
@given(PAYLOADS)
def test_redaction_removes_every_finding(payload):
    findings = detect_pii(payload)
    redacted = redact(payload, findings)
    assert detect_pii(redacted) == []
    assert len(detect_pii(hash_values(payload, findings, "salt"))) <= len(findings)
