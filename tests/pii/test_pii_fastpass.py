"""The first pass (protocol_kit/pii/fastpass.py) against the detector: an event it accepts has no
undeclared finding. Hypothesis builds events from SDK context, planned and unplanned fields, names
of every kind (personal, business, identifiers, other languages) and values of every shape the value
rules know, near misses included; the pass learns from the events as the validator would."""
import tempfile
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol_kit.compile import compile_plan
from protocol_kit.pii import PiiRules, find_undeclared_pii
from protocol_kit.plan import load_plan
from protocol_kit.validation.personal import PersonalData, _inside_declared
from protocol_kit.validation.schemas import PlanSchemas

PLAN = """
plan: fast
version: 1.0.0
identify:
  traits:
    email: {type: email, pii: email, description: The user's email.}
    country: {type: string, description: Country code.}
events:
  Order Completed:
    description: An order.
    properties:
      order_id: {type: string, description: The order.}
      note: {type: string, description: Free text.}
      first_name: {type: string, description: Buyer's first name.}
      phone: {type: string, pii: phone, description: Buyer's phone.}
      products: {type: array, items: {type: object, properties: {sku: {type: string}, name: {type: string}}}}
"""

NAMES = st.sampled_from([
    "note", "label", "title", "order_id", "ref", "sku", "name", "first_name", "email", "emails", "phone",
    "phone_no", "mobile", "contact", "contact_info", "city", "country", "zip", "lat", "lng", "latitude", "ip",
    "client_ip", "userId", "anonymousId", "messageId", "timestamp", "sentAt", "url", "referrer", "search",
    "telefono", "nombre", "adresse", "geburtsdatum", "store", "merchant", "support_phone", "password", "token",
    "page_token", "ssn", "iban", "card_number", "cvv", "traits", "customer", "user", "billing", "address",
    "age", "page", "gender", "location", "geo", "coords", "advertisingId", "device", "ids", "version",
    "build", "x", "data", "payload", "products", "items", "Straße", "e-mail", "dob", "userAgent",
])
VALUES = st.sampled_from([
    "jane.doe@gmail.com", "support@acme.io", "logo@2x.png", "jane%40gmail.com", "+33 6 12 34 56 78",
    "+14155552671", "call me on 07700 900123", "0612345678", "(555) 123-4567", "555-123-4567",
    "4111 1111 1111 1111", "4111111111111111", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
    "123-45-6789", "my ssn is 123-45-6789", "QQ 12 34 56 C", "QQ123456C", "203.0.113.7", "10.0.0.1, 198.51.100.2",
    "2001:db8::1", "00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "1a2b.3c4d.5e6f", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
    "Bearer abcdefghijklmnop1234", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "session_id=8f2a9c1e77b04d; theme=dark",
    "https://shop.example.com/p?utm_source=x&email=jane%40gmail.com", "https://x.com/?phone=0612345678",
    "https://x.com/?first+name=Jane", "https://x.com/?page=2&utm_medium=email", "/cart?q=socks",
    "48.8566, 2.3522", "u33dc0cpke7v", "6D92078A-8246-4BA4-AE5B-76104861E7DC",
    "00000000-0000-0000-0000-000000000000", "2024-06-10T12:00:00.000Z",
    "2026-12-01T11:32:33.503+00:00", "2026-12-01T11:32:33.554048-08:00", "2026-12-01 11:32:33+0100", "2026-12-01",
    "2026-12-01T11:32+05:30", "2026-12-01T11:32:33.411111111Z", "2026-12-01T11:32:33+00:00 call +14155552671",
    "+2026-12-01T11:32:33", "12:00:00", "4.12.0", "1.2.3.4",
    "Chrome/120.0.0.0", "v1.2.3.4", "order 10023456", "SKU-12345", "FR", "Lyon", "Jane", "Guest", "n/a",
    "prefer_not_to_say", "00000", "75001", "", "x", "ok", "42", "1.5", "Acme Inc", "München",
    "378282246310005", "ref 5555-5555-5555-4444", "9123456789012348", "SKU4111111111111111", "1733241234567123",
])
# times as SDKs write them (isoformat, with or without a zone and fractions)
TIMES = st.builds(lambda moment, sep, spec: moment.isoformat(sep=sep, timespec=spec),
                  st.datetimes(timezones=st.one_of(st.none(), st.timezones())), st.sampled_from("T "),
                  st.sampled_from(["auto", "minutes", "seconds", "milliseconds", "microseconds"]))
SCALARS = st.one_of(VALUES, TIMES, st.text(max_size=30), st.integers(min_value=-2**63, max_value=2**63 - 1), st.floats(allow_nan=False, allow_infinity=False),
                    st.booleans(), st.none(), st.sampled_from([4111111111111111, 48.8566, 10**13, 5555555555554444, -378282246310005, 1733241234567,
                                     1790012345678901235, 9123456789012348]))
OBJECTS = st.recursive(
    st.dictionaries(NAMES, SCALARS, max_size=4),
    lambda inner: st.dictionaries(NAMES, st.one_of(SCALARS, inner, st.lists(st.one_of(SCALARS, inner), max_size=3)),
                                  max_size=4),
    max_leaves=12)
CONTEXT = st.fixed_dictionaries({}, optional={
    "ip": VALUES, "userAgent": VALUES, "locale": st.sampled_from(["en-US", "fr"]),
    "location": st.dictionaries(NAMES, SCALARS, max_size=4), "device": st.dictionaries(NAMES, SCALARS, max_size=3),
    "page": st.dictionaries(st.sampled_from(["url", "path", "referrer", "search", "title"]), VALUES, max_size=5),
    "campaign": st.dictionaries(st.sampled_from(["name", "source", "medium", "term"]), VALUES, max_size=3),
    "traits": st.dictionaries(NAMES, SCALARS, max_size=3), "extra": OBJECTS,
})
TRACK = st.fixed_dictionaries({
    "type": st.just("track"), "event": st.just("Order Completed"),
    "properties": st.fixed_dictionaries({}, optional={
        "order_id": VALUES, "note": VALUES, "first_name": VALUES, "phone": VALUES,
        "products": st.lists(st.dictionaries(st.sampled_from(["sku", "name", "email", "price", "note"]), SCALARS,
                                             max_size=4), max_size=3),
        "extra": OBJECTS}),
}, optional={"context": CONTEXT, "userId": VALUES, "anonymousId": VALUES, "messageId": VALUES, "extra": OBJECTS})
IDENTIFY = st.fixed_dictionaries({
    "type": st.just("identify"), "traits": st.dictionaries(NAMES, SCALARS, max_size=5)}, optional={"context": CONTEXT})
GROUP = st.fixed_dictionaries({"type": st.just("group"), "traits": OBJECTS}, optional={"context": CONTEXT})

RULES = PiiRules()
with tempfile.TemporaryDirectory() as folder:
    (Path(folder) / "fast.yaml").write_text(PLAN, "utf-8")
    SCHEMAS = PlanSchemas(compile_plan(load_plan(Path(folder) / "fast.yaml")))
PERSONAL = PersonalData(SCHEMAS, mode="flag", rules=RULES)


def undeclared(payload, declared):
    found = find_undeclared_pii(payload, declared=declared, rules=RULES)
    return [f for f in found if not _inside_declared(f.pointer, declared)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TRACK, IDENTIFY, GROUP), min_size=1, max_size=8))
def test_an_event_the_fast_pass_accepts_has_no_undeclared_finding(events):
    for event in events:
        event = orjson.loads(orjson.dumps(event, option=orjson.OPT_NON_STR_KEYS))
        PERSONAL.clears(event)  # the screen decides and the fast pass learns, as in validation
        PERSONAL.findings(event)  # as the detailed path does for events that break their schema: it learns too
        entry = PERSONAL._entry(event)
        fast = PERSONAL._fast.get(id(entry)) if entry is not None else None
        if fast is not None and fast.accepts(event):
            declared = PERSONAL._schema_facts(entry)[0]
            assert undeclared(event, declared) == [], event


def test_the_fast_pass_accepts_conforming_rich_events_once_it_has_learnt():
    event = {"type": "track", "event": "Order Completed", "messageId": "5d1c7b9e-3f2a-4e8b-9c1d-2a3b4c5d6e7f",
             "userId": "user-41008", "timestamp": "2024-06-10T12:00:00.000Z",
             "properties": {"order_id": "o-10023456", "note": "leave at the door", "first_name": "Ada",
                            "products": [{"sku": "SKU-12345", "name": "Blue socks"}]},
             "context": {"ip": "203.0.113.7", "userAgent": "Mozilla/5.0 Chrome/120.0.0.0 Safari/537.36",
                         "location": {"city": "Lyon", "country": "France", "latitude": 45.76, "longitude": 4.83},
                         "campaign": {"name": "spring", "source": "newsletter"},
                         "page": {"url": "https://shop.example.com/p/1?utm_source=newsletter", "title": "Socks"}}}
    personal = PersonalData(SCHEMAS, mode="flag", rules=RULES)
    fast = None
    for _ in range(70):
        assert personal.clears(event)
        fast = personal._fast[id(personal._entry(event))]
    assert fast.accepts(event)
    with_email = {**event, "properties": {**event["properties"], "note": "write to jane.doe@gmail.com"}}
    assert not fast.accepts(with_email) and not personal.clears(with_email)


def test_the_fast_pass_leaves_cards_under_id_names_to_the_detector_once_it_has_learnt():
    event = {"type": "track", "event": "Order Completed", "messageId": "m-1", "userId": "user-41008",
             "properties": {"order_id": "o-10023456", "products": [{"sku": "SKU-12345", "name": "Blue socks"}]}}
    personal = PersonalData(SCHEMAS, mode="flag", rules=RULES)
    fast = None
    for _ in range(70):
        assert personal.clears(event)
        fast = personal._fast[id(personal._entry(event))]
    assert fast.accepts(event)
    for card in ("4111111111111111", "5555 5555 5555 4444", 378282246310005, -4111111111111111):
        with_card = {**event, "userId": card}
        assert not fast.accepts(with_card) and not personal.clears(with_card), card
    for innocent in ("9123456789012348", 1733241234567, 1790012345678901235, "SKU4111111111111111"):
        assert fast.accepts({**event, "userId": innocent}), innocent


KEY_PARTS = st.sampled_from(list("?&#;=:@ ._-0123456789aAeEsSzZé")) | st.sampled_from(
    ["email", "Email", "EMAIL", "age", "Age", "page", "ip", "name", "phone", "zip", "token", "user"])


@settings(max_examples=400, deadline=None)
@given(key=st.lists(KEY_PARTS, max_size=12).map("".join))
def test_the_signs_of_a_key_are_those_of_the_whole_pattern(key):
    """The fast pass compiles only the base of its pattern for keys without ``=``; it decides as the whole does."""
    import re

    from protocol_kit.pii.fastpass import FastPass
    from protocol_kit.pii.names import classifier_for
    from protocol_kit.pii.rules import DEFAULT_RULES

    fast = FastPass(DEFAULT_RULES, classifier_for(DEFAULT_RULES.name_rules), declared={})
    assert fast._signed(key) == bool(re.search(fast.signs, key))


def test_the_fast_pass_accepts_the_times_python_sdks_write_once_it_has_learnt():
    event = {"type": "track", "event": "Order Completed", "messageId": "5d1c7b9e-3f2a-4e8b-9c1d-2a3b4c5d6e7f",
             "userId": "u-1", "timestamp": "2026-12-01T11:32:33.554048+00:00",
             "properties": {"order_id": "o-1", "note": "2026-12-01 11:32:33+01:00"}}
    personal = PersonalData(SCHEMAS, mode="flag", rules=RULES)
    fast = None
    for _ in range(70):
        assert personal.clears(event)
        fast = personal._fast[id(personal._entry(event))]
    for time in ("2026-12-01T11:32:33.554048+00:00", "2026-12-01T11:32:33-08:00", "2026-12-01T11:32:33.503Z"):
        assert fast.accepts({**event, "timestamp": time}), time
    for phone in ("+14155552671", "2026-12-01T11:32:33+00:00 +14155552671", "+2026-12-01T11:32:33"):
        assert not fast.accepts({**event, "timestamp": phone}), phone


URL_PARTS = st.sampled_from(list("?&#;=/:%+ .\n\taZ9é")) | st.sampled_from(
    ["email", "Email", "EMAIL", "page", "age", "Age", "utm_source", "phone", "q", "name", "first+name", "zip",
     "https://x.com/p", "token", "ssn"])


@settings(max_examples=400, deadline=None)
@given(text=st.lists(URL_PARTS, max_size=12).map("".join))
def test_the_url_parameter_check_of_a_build_decides_as_the_whole_pattern(text):
    """Builds hand strings to the URL-parameter pattern (compiled once) only when they have its shape."""
    import re

    from protocol_kit.pii.fastpass import _URL_PARAMETER_SHAPE, _url_parameter_check, _url_parameter_signs
    from protocol_kit.pii.names import classifier_for
    from protocol_kit.pii.rules import DEFAULT_RULES

    classifier = classifier_for(DEFAULT_RULES.name_rules)
    whole = bool(re.search(_url_parameter_signs(classifier), text))
    assert (bool(re.search(_URL_PARAMETER_SHAPE, text)) and _url_parameter_check(classifier)(text)) == whole
