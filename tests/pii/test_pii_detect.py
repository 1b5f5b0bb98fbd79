"""detect_pii on whole payloads: where findings point, what they say, and bad input."""
import pytest

from protocol_kit.pii import AllowEntry, PiiRules, detect_pii


def event(**properties):
    return {"type": "track", "event": "Order Completed", "properties": properties}


def test_paths_and_pointers_in_nested_arrays():
    [finding] = detect_pii(event(products=[{"sku": "A"}, {"email": "jane@gmail.com"}]))
    assert finding.path == "properties.products[1].email"
    assert finding.pointer == "/properties/products/1/email"
    assert (finding.category, finding.sensitivity, finding.matched_on) == ("email", "high", "both")
    assert finding.event == "Order Completed"


def test_matched_on_name_value_and_key():
    findings = detect_pii(event(
        first_name="Ada", note="mail ada@gmail.com", scores={"bob@gmail.com": 3}))
    assert [(f.path, f.matched_on) for f in findings] == [
        ("properties.first_name", "name"),
        ("properties.note", "value"),
        ('properties.scores["b***@g***.com"]', "key"),
    ]


def test_personal_keys_are_masked_in_paths_of_their_children():
    [key, phone] = detect_pii(event(by_user={"bob@gmail.com": {"phone": "+14155552671"}}))
    assert "bob" not in phone.path and "bob" not in phone.pointer
    assert phone.path == 'properties.by_user["b***@g***.com"].phone'


def test_findings_come_in_document_order():
    findings = detect_pii(event(a={"email": "a@b.co"}, b="+14155552671", c=[{"ip": "81.2.69.142"}]))
    assert [f.path for f in findings] == ["properties.a.email", "properties.b", "properties.c[0].ip"]


def test_strong_names_never_fire_on_booleans_null_or_empty():
    assert detect_pii(event(email=True, phone=None, first_name="", password=False)) == []


def test_weak_names_need_the_value_to_agree():
    assert detect_pii(event(mobile="yes", card_number="GC-123", mac="Macintosh")) == []
    assert [f.category for f in detect_pii(event(mobile="06 12 34 56 78"))] == ["phone"]


def test_lat_counts_only_with_its_partner():
    assert detect_pii(event(lat=48.8566)) == []
    assert [f.path for f in detect_pii(event(lat=48.8566, lng=2.3522))] == ["properties.lat", "properties.lng"]


def test_value_of_higher_sensitivity_wins_over_the_name():
    [finding] = detect_pii(event(username="jane@gmail.com"))
    assert (finding.category, finding.matched_on) == ("email", "value")


def test_hashed_email_is_low_sensitivity():
    [finding] = detect_pii(event(email_sha256="ab" * 32))
    assert (finding.category, finding.sensitivity) == ("email", "low")


def test_url_query_keys_and_values():
    url = "https://shop.com/reset?email=jane%40gmail.com&utm_source=mail"
    [finding] = detect_pii({"context": {"page": {"url": url}}})
    assert (finding.path, finding.category) == ("context.page.url", "email")
    assert detect_pii({"context": {"page": {"url": "https://shop.com/?utm_source=email&page=2"}}}) == []


def test_expected_sdk_fields_are_reported_as_expected_and_ids_are_examined_by_value():
    payload = {"userId": "jane@gmail.com", "anonymousId": "c0ffee12-aaaa-4bbb-8ccc-123456789abc",
               "context": {"ip": "81.2.69.142", "device": {"advertisingId": "6D92078A-8246-4BA4-AE5B-76104861E7DC"},
                           "location": {"city": "Lyon", "country": "France"}}}
    found = [(f.path, f.category, f.expected) for f in detect_pii(payload)]
    assert found == [("userId", "email", False), ("context.ip", "ip_address", True),
                     ("context.device.advertisingId", "device_id", True),
                     ("context.location.city", "coarse_location", True),
                     ("context.location.country", "coarse_location", True)]
    everything = detect_pii(payload, rules=PiiRules(expected_paths=()))
    assert not any(f.expected for f in everything) and len(everything) == len(found)


def test_allow_list_by_value_regex_event_and_path():
    rules = PiiRules(allow=(
        AllowEntry(reason="test accounts", value=__import__("re").compile(r"@example\.com$")),
        AllowEntry(reason="support form", event="Support *", path="properties.*.email"),
    ))
    assert detect_pii(event(email="qa@example.com"), rules=rules) == []
    assert len(detect_pii(event(email="qa@gmail.com"), rules=rules)) == 1
    support = {"event": "Support Ticket", "properties": {"form": {"email": "a@gmail.com"}}}
    assert detect_pii(support, rules=rules) == []


def test_custom_value_rules():
    from protocol_kit.pii import ValueRule
    import re
    rules = PiiRules(value_rules=(ValueRule(re.compile(r"^CUST-\d{8}$"), "gov_id"),))
    assert [f.category for f in detect_pii(event(ref="CUST-12345678"), rules=rules)] == ["gov_id"]
    assert detect_pii(event(ref="CUST-12345678")) == []


def test_scalar_and_empty_payloads():
    assert detect_pii("jane@gmail.com")[0].path == ""
    assert detect_pii({}) == [] and detect_pii([]) == [] and detect_pii(None) == []


# --- bad input: never crash, never slow -------------------------------------

def test_huge_strings():
    huge = "a" * 10_000_000
    assert detect_pii(event(note=huge, blob="@" * 10_000_000, digits="4" * 10_000_000)) == []
    [finding] = detect_pii(event(note="jane@gmail.com " + "y" * 10_000_000))
    assert finding.category == "email" and len(finding.masked) < 20


def test_email_beyond_the_scanned_prefix_is_not_searched():
    assert detect_pii(event(note="x " * 20_000 + "jane@gmail.com")) == []


def test_deep_nesting_needs_no_recursion():
    payload: dict = {"email": "jane@gmail.com"}
    for _ in range(10_000):
        payload = {"child": payload}
    [finding] = detect_pii(payload)
    assert finding.path.count("child") == 10_000


def test_deep_lists():
    payload: list = ["+14155552671"]
    for _ in range(10_000):
        payload = [payload]
    [finding] = detect_pii(payload)
    assert finding.category == "phone"


def test_cycles_from_python_callers_terminate():
    payload: dict = {"properties": {"email": "jane@gmail.com"}}
    payload["properties"]["self"] = payload
    assert len(detect_pii(payload)) == 1


@pytest.mark.parametrize("key", [1, 2.5, None, (1, 2), b"email", True])
def test_non_string_keys(key):
    assert detect_pii({"properties": {key: "jane@gmail.com"}})[0].category == "email"


def test_binary_looking_strings():
    blob = "".join(chr(i) for i in range(256)) * 100
    assert detect_pii(event(blob=blob, raw="\x00\ud800@\udfff.com", email="\x00@\x00")) == []


def test_many_keys_that_look_like_data():
    payload = {"properties": {f"user{i}@gmail.com": i for i in range(2_000)}}
    assert len(detect_pii(payload)) == 2_000


@pytest.mark.parametrize("value", [
    "eyJ" * 20_000, "eyJabcde." * 5_000, "1 " * 30_000, "a@" * 30_000, "a.b@c" * 10_000,
    "+" + "1 " * 30_000, "Bearer " * 10_000, "https://x.com/?" + "a=1&" * 10_000,
    "https://x.com/?t=" + "eyJ" * 10_000, "%40" * 20_000, "9" * 100_000,
], ids=lambda value: f"{value[:12]}...x{len(value)}")
def test_pathological_strings(value):
    assert detect_pii(event(note=value, token_id=value)) == []


def test_jwt_at_the_end_of_a_sentence():
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"
    assert [f.category for f in detect_pii(event(note=f"use {jwt}."))] == ["credential"]


def test_group_traits_name_is_a_company_and_context_traits_are_traits():
    group = {"type": "group", "groupId": "acme", "traits": {"name": "Acme Inc", "industry": "Software"}}
    assert detect_pii(group) == []
    identify = {"type": "identify", "traits": {"name": "Ada Lovelace"},
                "context": {"traits": {"name": "Ada Lovelace", "email": "ada@gmail.com"}}}
    assert [(f.path, f.category) for f in detect_pii(identify)] == [
        ("traits.name", "person_name"), ("context.traits.name", "person_name"), ("context.traits.email", "email")]


def test_business_containers_and_placeholders_are_not_personal():
    payload = {"properties": {"store": {"city": "Lyon", "phone": "+33 4 72 00 00 00", "email": "lyon@shop.fr"},
                              "manager_email": "jane.doe@gmail.com", "first_name": "Guest", "zip": "00000"}}
    assert [(f.path, f.category) for f in detect_pii(payload)] == [("properties.manager_email", "email")]
