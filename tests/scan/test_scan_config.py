"""[tool.protocol-kit.scan] becomes a ScanConfig, with clear errors."""
from __future__ import annotations

import pytest

from protocol_kit.errors import ConfigError
from protocol_kit.scan import ScanConfig, scan_source
from protocol_kit.scan.config import DEFAULT_RECEIVERS
from protocol_kit.scan.shapes import BUILT_IN


def test_empty_table_gives_defaults():
    assert ScanConfig.from_table({}) == ScanConfig()


def test_receivers_replace_and_extend():
    assert ScanConfig.from_table({"receivers": ["tracker"]}).receivers == ("tracker",)
    assert ScanConfig.from_table({"extend-receivers": ["tracker"]}).receivers == (*DEFAULT_RECEIVERS, "tracker")


def test_wrappers_and_their_names_are_needles():
    config = ScanConfig.from_table({"wrappers": ["trackEvent", "utils.logEvent"]})
    assert config.wrappers == ("trackEvent", "utils.logEvent")
    assert {"trackEvent", "utils", "analytics", "track("} <= set(config.needles)


def test_receiver_prefixes_do_not_widen_the_needles():
    config = ScanConfig.from_table({"receivers": ["this.tracker", "window.rudder", "@segment"]})
    built_in = {s.receiver or f"{m}(" for s in BUILT_IN for m in s.methods}
    assert set(config.needles) - {f"{f}(" for f in config.imported_functions} - built_in == {"tracker", "rudder", "segment"}


def test_configured_receivers_are_normalised_like_the_code():
    config = ScanConfig.from_table({"receivers": ["this.tracker", "Tracker.get( 'main' )"]})
    source = 'this.tracker.track("A"); tracker.track("B"); Tracker.get("x").track("C"); other.track("D")'
    calls = scan_source(source, path="a.js", plan=None, config=config).calls
    assert [c.event.candidates[0] for c in calls] == ["A", "B", "C"]


@pytest.mark.parametrize("table, message", [
    ({"receiver": ["x"]}, "unknown option 'receiver' (did you mean 'receivers'?)"),
    ({"wrappers": "trackEvent"}, "wrappers: expected a list of non-empty strings, got 'trackEvent'"),
    ({"wrappers": [""]}, "wrappers: expected a list of non-empty strings"),
    ({"fail-on": "fatal"}, "fail-on: expected one of info, warning, error, never, got 'fatal'"),
    ({"max-file-bytes": -1}, "max-file-bytes: expected a positive integer, got -1"),
    ({"methods": ["send"]}, "methods: unknown method 'send'"),
])
def test_invalid_tables_raise_config_errors(table, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        ScanConfig.from_table(table)


def test_call_shapes_are_read_from_tables():
    config = ScanConfig.from_table({"calls": [
        {"receiver": "analyticsService", "methods": ["track", "trackEvent"], "event": 0, "properties": 2},
        {"methods": ["send"], "event": "1.event", "properties": "payload", "kind": "track"},
    ]})
    first, second = config.calls
    assert (first.receiver, first.methods, str(first.event), str(first.properties)) == (
        "analyticsService", ("track", "trackEvent"), "0", "2")
    assert (second.receiver, str(second.event), second.event.keys, second.properties.label) == (
        None, "1.event", ("event",), "payload")
    assert {"analyticsService", "send("} <= set(config.needles)


@pytest.mark.parametrize("table, message", [
    ({"calls": {"methods": ["x"]}}, "calls: expected a list of tables"),
    ({"calls": [{"methods": ["x"], "event": 0, "shape": 1}]}, "#1: unknown key 'shape'"),
    ({"calls": [{"event": 0}]}, "#1: 'methods' must be a non-empty list of method names"),
    ({"calls": [{"methods": ["x"]}]}, "#1: a track call needs 'event'"),
    ({"calls": [{"methods": ["x"], "event": -1}]}, "#1 event: expected an argument position"),
    ({"calls": [{"methods": ["x"], "event": "a..b"}]}, "#1 event: expected an argument position"),
    ({"calls": [{"methods": ["x"], "event": 0, "kind": "alias"}]}, "#1: 'kind' must be one of"),
    ({"strict": "yes"}, "strict: expected true or false"),
])
def test_invalid_call_shapes_raise_config_errors(table, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(".", r"\.")):
        ScanConfig.from_table(table)


def test_identify_shapes_read_the_traits():
    config = ScanConfig.from_table({"calls": [{"receiver": "users", "methods": ["register"], "kind": "identify",
                                               "properties": "traits"}]})
    [call] = scan_source('users.register(id, traits={"email": e})', path="a.py", plan=None, config=config).calls
    assert (call.kind, [e.key for e in call.properties.entries]) == ("identify", ["email"])
