"""The configuration schema: both key spellings in every table, errors naming file and key, the generated doc."""
from __future__ import annotations

import datetime
from dataclasses import fields
from pathlib import Path

import pytest

from protocol_kit.config import config_from_table, load_config, schema
from protocol_kit.config_doc import DOCS_PAGE, markdown
from protocol_kit.errors import ConfigError
from protocol_kit.scan import ScanConfig
from protocol_kit.scan.config import NOT_FROM_TOML
from protocol_kit.validation.settings import ValidateSettings

ROOT = Path(__file__).resolve().parents[2]
# a valid value for every key of the schema whose name has a dash, by table
SAMPLES = {
    ("", "per-file-ignores"): {"legacy/*": ["SC002"]},
    ("lint", "per-file-ignores"): {"plans/old.yaml": ["PL3"]},
    ("validate", "fail-on"): "never",
    ("validate", "max-violations"): 5,
    ("validate", "per-file-ignores"): {"*.ndjson": ["EV012"]},
    ("validate", "event-version"): "latest",
    ("pii", "expected-paths"): ["context.ip"],
    ("pii", "expected-paths-replace"): True,
    ("diff", "fail-on"): "consumer",
    ("diff", "ignore-file"): "diff-ignore.yaml",
    ("diff", "require-version-bump"): True,
    ("infer", "required-ratio"): 0.9,
    ("infer", "format-ratio"): 0.95,
    ("infer", "enum-max-values"): 3,
    ("infer", "enum-min-count"): 2,
    ("infer", "fail-on"): "warning",
    ("scan", "extend-receivers"): ["tracker"],
    ("scan", "extend-methods"): ["capture"],
    ("scan", "imported-functions"): ["track"],
    ("scan", "fail-on"): "warning",
    ("scan", "max-file-bytes"): 10,
    ("scan", "max-line-length"): 10,
    ("scan", "per-file-ignores"): {"*.py": ["SC002"]},
}


def dashed_keys():
    root = schema()["properties"]
    for key in root:
        if "-" in key:
            yield "", key
    for table, node in root.items():
        for key in node.get("properties", {}):
            if "-" in key:
                yield table, key


def nest(table: str, key: str, value):
    return {key: value} if not table else {table: {key: value}}


def test_every_dashed_key_has_a_sample():
    assert set(dashed_keys()) == set(SAMPLES)


@pytest.mark.parametrize("table, key", sorted(SAMPLES), ids=lambda x: x or "top")
def test_both_spellings_are_one_key(tmp_path, table, key):
    value = SAMPLES[table, key]
    kebab = config_from_table(nest(table, key, value), root=tmp_path)
    snake = config_from_table(nest(table, key.replace("-", "_"), value), root=tmp_path)
    assert kebab == snake
    if table in ("validate", "pii", "scan", "diff", "infer") and key != "per-file-ignores":
        assert snake.section(table)[key] == value
    with pytest.raises(ConfigError, match=f"has both '{key}' and '{key.replace('-', '_')}'"):
        config_from_table(nest(table, key, value) | nest(table, key.replace("-", "_"), value) if not table
                          else {table: {key: value, key.replace("-", "_"): value}}, root=tmp_path)


def test_either_spelling_works_in_every_command(tmp_path, monkeypatch, protocol_kit):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.protocol-kit]\nplans = ["plan.yaml"]\n'
        '[tool.protocol-kit.validate]\nfail_on = "never"\nmax-violations = 1\n'
        '[tool.protocol-kit.scan]\nfail_on = "never"\nmax-file-bytes = 100000\n'
        '[tool.protocol-kit.pii]\nexpected_paths = ["context.ip"]\n', "utf-8")
    (tmp_path / "plan.yaml").write_text((ROOT / "plans" / "ecommerce.yaml").read_text("utf-8"), "utf-8")
    (tmp_path / "events.jsonl").write_text('{"event": "Nope"}\n{"event": "Nope"}\n')
    (tmp_path / "app.js").write_text('analytics.track("Nope")\n')
    monkeypatch.chdir(tmp_path)
    validated = protocol_kit("validate", "events.jsonl", "--format", "json")
    assert validated.code == 0 and '"violations_omitted": 1' in validated.stdout
    scanned = protocol_kit("scan", "app.js")
    assert scanned.code == 0 and "EV002" in scanned.stdout
    assert protocol_kit("lint").code in (0, 1)


@pytest.mark.parametrize("table, message", [
    ({"report": {"format": "html"}}, "unknown table [tool.protocol-kit.report]"),
    ({"scann": {}}, "unknown table [tool.protocol-kit.scann] (did you mean 'scan'?)"),
    ({"validate": {"fail_onn": "x"}}, "unknown key 'fail_onn' in [tool.protocol-kit.validate] (did you mean 'fail-on'?)"),
    ({"pii": {"salts": "x"}}, "unknown key 'salts' in [tool.protocol-kit.pii] (did you mean 'salt'?)"),
    ({"scan": {"max_file_bytes": "big"}}, "[tool.protocol-kit.scan] max-file-bytes: expected a positive integer, got 'big'"),
    ({"scan": {"methods": ["send"]}}, "[tool.protocol-kit.scan] methods[0]: expected one of track, capture, logEvent"),
    ({"validate": {"jobs": True}}, "[tool.protocol-kit.validate] jobs: expected a positive integer, got True"),
    ({"ignore": ["XX1"]}, "[tool.protocol-kit] ignore: 'XX1' matches no code"),
    ({"scan": {"per-file-ignores": {"*.js": ["SC9"]}}}, "[tool.protocol-kit.scan] per-file-ignores.*.js: 'SC9' matches no code"),
    ({"lint": {"severity": {"PL3": "loud"}}}, "[tool.protocol-kit.lint] severity.PL3: expected one of info, warning, error"),
    ({"severity": {"PL3": "loud"}}, "[tool.protocol-kit] severity.PL3: expected one of info, warning, error"),
    ({"validate": "fast"}, "[tool.protocol-kit] validate: expected a table, got 'fast'"),
    ({"validate": {"plan": datetime.date(2026, 1, 5)}},
     "[tool.protocol-kit.validate] plan: expected a path, got a TOML date (2026-01-05); quote it"),
    ({"scan": {"exclude": ["a", datetime.time(7, 32)]}},
     "[tool.protocol-kit.scan] exclude[1]: expected a value of type string, got a TOML time (07:32:00)"),
])
def test_errors_name_the_table_and_the_key(tmp_path, table, message):
    with pytest.raises(ConfigError) as error:
        config_from_table(table, root=tmp_path, file=tmp_path / "pyproject.toml")
    assert str(error.value).startswith(f"{tmp_path / 'pyproject.toml'}: {message}")


def test_a_toml_date_read_from_pyproject_is_a_config_error(tmp_path, monkeypatch, protocol_kit):
    (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit.validate]\nplan = 2026-01-05\n", "utf-8")
    (tmp_path / "events.jsonl").write_text("{}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = protocol_kit("validate", "events.jsonl")
    assert result.code == 2
    assert "[tool.protocol-kit.validate] plan: expected a path, got a TOML date (2026-01-05)" in result.stderr
    assert "internal error" not in result.stderr


def test_user_keys_keep_their_spelling(tmp_path):
    config = config_from_table({"pii": {"names": {"member_no": "gov_id"}},
                                "scan": {"per_file_ignores": {"legacy_code/*": ["SC002"]}}}, root=tmp_path)
    assert dict(config.section("pii")["names"]) == {"member_no": "gov_id"}
    assert dict(config.policy("scan").per_file_ignores) == {"legacy_code/*": ("SC002",)}


def test_schema_defaults_are_the_settings_defaults():
    tables = schema()["properties"]
    validate_defaults = {k: v["default"] for k, v in tables["validate"]["properties"].items() if "default" in v}
    assert validate_defaults == {f.name.replace("_", "-"): getattr(ValidateSettings(), f.name)
                                 for f in fields(ValidateSettings) if f.name != "plan"}
    scan = ScanConfig()
    for key, node in tables["scan"]["properties"].items():
        if "default" in node:
            assert getattr(scan, key.replace("-", "_")) == node["default"], key


def test_schema_knows_every_scan_option():
    keys = set(schema()["properties"]["scan"]["properties"])
    assert {f.name.replace("_", "-") for f in fields(ScanConfig) if f.name not in NOT_FROM_TOML} <= keys


def test_the_project_configuration_loads():
    config = load_config(ROOT)
    assert config.plans and config.file == ROOT / "pyproject.toml"


def test_docs_page_is_generated_from_the_schema():
    assert (ROOT / DOCS_PAGE).read_text("utf-8") == markdown(), \
        "docs/config.md is stale: run `python -m protocol_kit.config_doc`"
