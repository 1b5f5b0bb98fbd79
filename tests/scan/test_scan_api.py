"""The library API: the records pipelines get from scan_source and scan_paths."""
from __future__ import annotations

import pytest

from protocol_kit.scan import EventName, PropertyBag, ScanConfig, TrackingCall, scan_paths, scan_source
from protocol_kit.scan.coverage import coverage, untracked
from protocol_kit.scan.model import ArrayValue, Literal, ObjectValue
from protocol_kit.violation import Location


def test_a_call_becomes_one_record():
    result = scan_source('amplitude.getInstance().logEvent("Signed Up", { plan: "pro", ...rest });',
                         path="app.js", plan=None)
    [call] = result.calls
    assert isinstance(call, TrackingCall)
    assert (call.kind, call.method, call.receiver) == ("track", "logEvent", "amplitude.getInstance()")
    assert call.event == EventName(candidates=("Signed Up",), location=Location("app.js", 1, 34))
    assert isinstance(call.properties, PropertyBag)
    assert [(e.key, e.value) for e in call.properties.entries] == [("plan", Literal("pro"))]
    assert (call.properties.has_spread, call.properties.fully_known) == (True, False)
    assert call.location == Location("app.js", 1, 1)


def test_the_same_record_for_every_language():
    sources = {
        "a.js": 'analytics.track(paid ? "A" : "B", { n: 1 })',
        "a.py": 'analytics.track(uid, "A" if paid else "B", {"n": 1})',
        "a.rb": 'Analytics.track(user_id: uid, event: paid ? "A" : "B", properties: { n: 1 })',
        "a.swift": 'analytics.track(name: paid ? "A" : "B", properties: ["n": 1])',
        "a.kt": 'fun f() { analytics.track(if (paid) "A" else "B", mapOf("n" to 1)) }',
        "A.java": 'class A { void f() { analytics.track(paid ? "A" : "B", Map.of("n", 1)); } }',
    }
    for path, source in sources.items():
        [call] = scan_source(source, path=path, plan=None).calls
        assert call.event.candidates == ("A", "B"), path
        assert [(e.key, e.value) for e in call.properties.entries] == [("n", Literal(1))], path
        assert call.properties.fully_known, path


def test_unresolved_names_are_kept_as_references():
    [call] = scan_source("function send(name, props) { analytics.track(name, props) }", path="a.ts", plan=None).calls
    assert (call.event.reference, call.event.parameter) == ("name", True)
    assert call.properties.has_unresolved


def test_a_property_value_choice_is_checked_for_each_branch(plan):
    result = scan_source('analytics.track("Signed Up", { plan: trial ? "free" : "gold" })', path="a.js", plan=plan)
    assert [v.code for v in result.violations] == ["EV006"]
    assert "'gold'" in result.violations[0].message


def test_scan_paths_and_coverage(tmp_path, plan):
    (tmp_path / "a.py").write_text('analytics.track(uid, "Signed Up", {"plan": "pro"})\n')
    result = scan_paths([tmp_path], plan=plan, config=ScanConfig())
    report = coverage(result.calls, plan)
    assert [(c.event, c.tracked) for c in report][:2] == [("Signed Up", True), ("Order Completed", False)]
    assert [v.event for v in untracked(report, plan)] == ["Order Completed", "Product Viewed", "Newsletter Joined"]


def test_a_custom_personal_data_classifier(plan):
    source = 'analytics.track("Newsletter Joined", { source: "x", loyalty_number: "123" })'
    result = scan_source(source, path="a.js", plan=plan,
                         classify_name=lambda name: "loyalty_id" if name == "loyalty_number" else None)
    assert [(v.code, v.message) for v in result.violations] == [
        ("PII001", "'Newsletter Joined' property 'loyalty_number' looks like personal data (loyalty_id) "
                   "and is not in the plan")]



def test_identify_traits_in_a_variable_are_unknown(plan):
    def codes(source):
        return [v.code for v in scan_source(source, path="a.js", plan=plan).violations]

    assert codes("analytics.identify(user.id)") == []
    assert codes("analytics.identify(uid, traits)") == []
    assert codes('analytics.identify("u-1")') == ["EV003"]
    assert codes('analytics.identify(uid, { plan: "pro" })') == ["EV003"]


LITERALS = {
    "a.js": 'analytics.track("E", { t: true, f: false, z: null, n: -2, d: 2.5, s: "x", a: [1], o: {k: 1} })',
    "a.py": 'analytics.track(u, "E", {"t": True, "f": False, "z": None, "n": -2, "d": 2.5, "s": "x", "a": [1],'
            ' "o": {"k": 1}})',
    "a.rb": 'Analytics.track(user_id: u, event: "E", properties: { t: true, f: false, z: nil, n: -2, d: 2.5,'
            ' s: "x", a: [1], o: { k: 1 } })',
    "a.swift": 'analytics.track(name: "E", properties: ["t": true, "f": false, "z": nil, "n": -2, "d": 2.5,'
               ' "s": "x", "a": [1], "o": ["k": 1]])',
    "a.kt": 'fun f() { analytics.track("E", mapOf("t" to true, "f" to false, "z" to null, "n" to -2, "d" to 2.5,'
            ' "s" to "x", "a" to listOf(1), "o" to mapOf("k" to 1))) }',
    "A.java": 'class A { void f() { analytics.track("E", Map.of("t", true, "f", false, "z", null, "n", -2,'
              ' "d", 2.5, "s", "x", "a", new int[]{1}, "o", Map.of("k", 1))); } }',
}


@pytest.mark.parametrize("path", sorted(LITERALS))
def test_literal_values_read_the_same_in_every_language(path):
    [call] = scan_source(LITERALS[path], path=path, plan=None).calls
    values = {e.key: e.value for e in call.properties.entries}
    assert {k: v for k, v in values.items() if k not in "ao"} == {
        "t": Literal(True), "f": Literal(False), "z": Literal(None), "n": Literal(-2), "d": Literal(2.5),
        "s": Literal("x")}
    assert (values["a"], type(values["o"])) == (ArrayValue(), ObjectValue)
