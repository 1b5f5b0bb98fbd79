import json

import pytest

from protocol_kit.errors import ConfigError
from protocol_kit.pii import baseline_entries, detect_pii, rules_from_config
from protocol_kit.pii.rules import DEFAULT_EXPECTED_PATHS


def test_full_table(tmp_path):
    (tmp_path / "pii-baseline.json").write_text(json.dumps(
        [{"event": "Signed Up", "path": "properties.email", "category": "email"}]))
    rules = rules_from_config({
        "allow": [{"value": r"@example\.com$", "category": "email", "reason": "test accounts"},
                  {"event": "Support *", "path": "properties.message", "reason": "support form"}],
        "names": {"member_no": "gov_id"},
        "values": [{"pattern": r"^CUST-\d{8}$", "category": "gov_id"}],
        "expected-paths": ["properties.debug.**"],
        "baseline": "pii-baseline.json",
    }, base_dir=tmp_path)
    assert rules.baseline.covers(("Signed Up", "pii_detected", "/properties/email", "PII001"), category="email")
    assert not rules.baseline.covers(("Signed Up", "pii_detected", "/properties/email", "PII001"), category="phone")
    assert rules.expected_paths == (*DEFAULT_EXPECTED_PATHS, "properties.debug.**")
    found = detect_pii({"userId": "jane@gmail.com", "properties": {
        "email": "qa@example.com", "member_no": "778", "ref": "CUST-12345678"}}, rules=rules)
    assert [(f.path, f.category) for f in found] == [
        ("userId", "email"), ("properties.member_no", "gov_id"), ("properties.ref", "gov_id")]


def test_empty_table_is_the_default():
    rules = rules_from_config({})
    assert rules.expected_paths == DEFAULT_EXPECTED_PATHS and rules.allow == ()


@pytest.mark.parametrize("table, message", [
    ({"alow": []}, "tool.protocol-kit.pii.alow: unknown key"),
    ({"allow": {}}, "tool.protocol-kit.pii.allow: expected an array of tables"),
    ({"allow": [{"path": "x"}]}, "tool.protocol-kit.pii.allow[0].reason: required"),
    ({"allow": [{"reason": "why"}]}, "tool.protocol-kit.pii.allow[0]: give at least one of"),
    ({"allow": [{"reason": "r", "valeu": "x"}]}, "tool.protocol-kit.pii.allow[0].valeu: unknown key"),
    ({"allow": [{"reason": "r", "value": "("}]}, "tool.protocol-kit.pii.allow[0].value: invalid regular expression"),
    ({"allow": [{"reason": "r", "category": "emial"}]}, "tool.protocol-kit.pii.allow[0].category: unknown category 'emial'"),
    ({"names": {"member_no": "idd"}}, "tool.protocol-kit.pii.names.member_no: unknown category"),
    ({"names": ["x"]}, "tool.protocol-kit.pii.names: expected a table"),
    ({"values": [{"pattern": "x"}]}, "tool.protocol-kit.pii.values[0].category: required"),
    ({"expected-paths": "context.ip"}, "tool.protocol-kit.pii.expected-paths: expected an array of strings"),
    ({"expected-paths": [1]}, "tool.protocol-kit.pii.expected-paths[0]: expected a string"),
    ({"baseline": 3}, "tool.protocol-kit.pii.baseline: expected a file path"),
])
def test_errors_name_the_key(table, message):
    with pytest.raises(ConfigError) as error:
        rules_from_config(table)
    assert str(error.value).startswith(message)


def test_baseline_file_errors(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        rules_from_config({"baseline": "missing.json"}, base_dir=tmp_path)
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(ConfigError, match=r"^tool.protocol-kit.pii.baseline: .*bad.json: the baseline is not JSON"):
        rules_from_config({"baseline": "bad.json"}, base_dir=tmp_path)
    (tmp_path / "obj.json").write_text('{"a": 1}')
    with pytest.raises(ConfigError, match=r"obj.json: not a baseline: expected \{\"version\": 2"):
        rules_from_config({"baseline": "obj.json"}, base_dir=tmp_path)


def test_baseline_round_trip(tmp_path):
    payload = {"event": "Signed Up", "properties": {"emails": ["a@b.co", "c@d.co"]}}
    document = baseline_entries(detect_pii(payload))
    assert document == {"version": 2, "signatures": [{"event": "Signed Up", "kind": "pii_detected",
                                                      "path": "/properties/emails/*", "code": "PII001",
                                                      "category": "email"}]}
    (tmp_path / "b.json").write_text(json.dumps(document))
    rules = rules_from_config({"baseline": "b.json"}, base_dir=tmp_path)
    from protocol_kit.pii import find_undeclared_pii
    assert find_undeclared_pii(payload, rules=rules) == []


def test_the_project_configuration_section(tmp_path):
    from protocol_kit.config import load_config
    (tmp_path / "pyproject.toml").write_text(
        '[tool.protocol-kit.pii]\nexpected-paths = []\nexpected-paths-replace = true\n'
        '[[tool.protocol-kit.pii.allow]]\nvalue = "@example\\\\.com$"\nreason = "test accounts"\n')
    config = load_config(tmp_path)
    rules = rules_from_config(config.sections["pii"], base_dir=config.root)
    assert rules.expected_paths == () and rules.allow[0].reason == "test accounts"
    assert detect_pii({"properties": {"email": "qa@example.com"}}, rules=rules) == []


def test_expected_paths_extend_the_defaults_and_replace_on_request():
    extended = rules_from_config({"expected-paths": ["properties.client_ip"]})
    assert extended.expected_paths == (*DEFAULT_EXPECTED_PATHS, "properties.client_ip")
    replaced = rules_from_config({"expected-paths": ["properties.client_ip"], "expected-paths-replace": True})
    assert replaced.expected_paths == ("properties.client_ip",)
    found = detect_pii({"context": {"ip": "203.0.113.9"}, "properties": {"client_ip": "198.51.100.4"}},
                       rules=replaced)
    assert [(f.path, f.expected) for f in found] == [("context.ip", False), ("properties.client_ip", True)]


def test_severity_by_category_or_sensitivity():
    rules = rules_from_config({"severity": {"low": "warning", "email": "warning"}})
    assert rules.severity_of("email", "high") == "warning"
    assert rules.severity_of("coarse_location", "low") == "warning"
    assert rules.severity_of("phone", "high") == "error"
    assert rules_from_config({}).severity_of("demographic", "low") == "info"


@pytest.mark.parametrize("table, message", [
    ({"severity": {"emial": "error"}}, "tool.protocol-kit.pii.severity.emial: unknown category or sensitivity"),
    ({"severity": {"email": "fatal"}}, "tool.protocol-kit.pii.severity.email: expected one of info, warning, error"),
    ({"expected-paths-replace": "yes"}, "tool.protocol-kit.pii.expected-paths-replace: expected true or false"),
])
def test_bad_severity_and_replace_settings(table, message):
    with pytest.raises(ConfigError, match=message.replace(".", r"\.")):
        rules_from_config(table)
