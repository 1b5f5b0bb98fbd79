from protocol_kit import baseline
from protocol_kit.pii import PiiRules, find_undeclared_pii

PAYLOAD = {
    "type": "track",
    "event": "Order Completed",
    "userId": "u-1",
    "context": {"ip": "81.2.69.142"},
    "properties": {
        "email": "jane@gmail.com",
        "notes": "call +14155552671",
        "first_name": "Ada",
        "products": [{"recipient_email": "a@b.co"}, {"recipient_email": "c@d.co"}],
    },
}


def paths(findings):
    return [f.path for f in findings]


def test_declared_pointers_are_left_out():
    found = find_undeclared_pii(PAYLOAD, declared={
        "/properties/email": "email",
        "/properties/products/*/recipient_email": "email",
    })
    assert paths(found) == ["properties.notes", "properties.first_name"]


def test_without_declarations_every_finding_but_expected_sdk_fields():
    assert paths(find_undeclared_pii(PAYLOAD)) == [
        "properties.email", "properties.notes", "properties.first_name",
        "properties.products[0].recipient_email", "properties.products[1].recipient_email",
    ]


def test_declared_not_personal_covers_name_matches_only():
    payload = {"properties": {"first_name": "Ada", "comment": "mail me: ada@gmail.com"}}
    found = find_undeclared_pii(payload, declared={"/properties/first_name": False, "/properties/comment": False})
    assert paths(found) == ["properties.comment"]


def test_expected_paths_are_configurable():
    rules = PiiRules(expected_paths=("properties.email",))
    found = find_undeclared_pii(PAYLOAD, rules=rules, declared={"/properties/products/*/recipient_email": "email"})
    assert paths(found) == ["context.ip", "properties.notes", "properties.first_name"]


def test_baseline_signatures_ignore_array_indices():
    accepted = baseline.parse([{"event": "Order Completed", "path": "properties.products[*].recipient_email",
                                "category": "email"},
                               {"event": "Order Completed", "path": "properties.email", "category": "email"}])
    found = find_undeclared_pii(PAYLOAD, rules=PiiRules(baseline=accepted))
    assert paths(found) == ["properties.notes", "properties.first_name"]


def test_event_name_overrides_the_payload():
    accepted = baseline.parse([{"event": "Checkout", "path": "properties.first_name", "category": "person_name"}])
    found = find_undeclared_pii({"properties": {"first_name": "Ada"}}, rules=PiiRules(baseline=accepted),
                                event_name="Checkout")
    assert found == [] and find_undeclared_pii({"properties": {"first_name": "Ada"}},
                                               rules=PiiRules(baseline=accepted)) != []
