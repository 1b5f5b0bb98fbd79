from protocol_kit.pii import plan_pii_findings
from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.violation import Location


def lint(*events, common=()):
    return [(v.code, v.severity, v.event, v.path) for v in plan_pii_findings(Plan(name="p", events=events, common=common))]


def test_undeclared_personal_properties():
    signed_up = Event("Signed Up", properties=(
        Property("email", type="string"),
        Property("billing_email", type="string", pii="email"),
        Property("email_verified", type="boolean"),
        Property("mobile", type="string"),
        Property("country", type="string"),
        Property("referral_code", type="string"),
        Property("optout", type="string", pii=False),
    ))
    assert lint(signed_up) == [
        ("PII003", "error", "Signed Up", "/properties/email"),
        ("PII002", "warning", "Signed Up", "/properties/mobile"),
        ("PII002", "info", "Signed Up", "/properties/country"),
    ]


def test_nested_properties_arrays_and_identify_traits():
    identify = Event("identify", call="identify", properties=(
        Property("name", type="string"),
        Property("address", type="object", properties=(Property("line1", type="string"),)),
    ))
    order = Event("Order Completed", properties=(
        Property("products", type="array", items=Property("product", type="object", properties=(
            Property("name", type="string"), Property("gift_recipient_phone", type="string")))),
    ))
    assert lint(identify, order) == [
        ("PII003", "error", "identify", "/traits/name"),
        ("PII003", "error", "identify", "/traits/address/line1"),
        ("PII003", "error", "Order Completed", "/properties/products/*/gift_recipient_phone"),
    ]


def test_hashed_names_are_warnings_and_messages_name_the_category():
    event = Event("Signed Up", properties=(Property("email_sha256", type="string", location=Location("plan.yaml", 12)),))
    [violation] = plan_pii_findings(Plan(name="p", events=(event,)))
    assert (violation.code, violation.severity, violation.expected) == ("PII002", "info", "email")
    assert "email (hashed)" in violation.message and str(violation.source) == "plan.yaml:12"


def test_expected_sdk_fields_in_common_properties():
    common = (Property("context", type="object", properties=(Property("ip", type="string"),)),
              Property("userId", type="string"))
    assert lint(common=common) == []


def test_coordinates_need_both_halves():
    event = Event("Store Visited", properties=(Property("lat", type="number"),))
    assert lint(event) == []
    event = Event("Store Visited", properties=(Property("lat", type="number"), Property("lng", type="number")))
    assert [path for *_, path in lint(event)] == ["/properties/lat", "/properties/lng"]


def test_group_traits_describe_a_company():
    traits = (Property("name", type="string"), Property("phone", type="string"), Property("ceo_email", type="string"))
    group = Event("group", call="group", properties=traits)
    identify = Event("identify", call="identify", properties=traits)
    assert lint(group, identify) == [
        ("PII003", "error", "group", "/traits/ceo_email"),
        ("PII003", "error", "identify", "/traits/name"),
        ("PII003", "error", "identify", "/traits/phone"),
        ("PII003", "error", "identify", "/traits/ceo_email"),
    ]
