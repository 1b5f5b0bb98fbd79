"""docs/pii.md agrees with the category and code tables it documents."""
from pathlib import Path

import tomllib

from protocol_kit import codes
from protocol_kit.pii import CATEGORIES, DEFAULT_EXPECTED_PATHS, PiiRules, rules_from_config

DOC = (Path(__file__).parents[2] / "docs" / "pii.md").read_text(encoding="utf-8")


def test_every_category_is_documented_with_its_sensitivity_and_default_severity():
    rules = PiiRules()
    for category in CATEGORIES.values():
        severity = rules.severity_of(category.name, category.sensitivity)
        assert f"| `{category.name}` | {category.sensitivity} | {severity} | {category.description} |" in DOC


def test_the_configuration_example_is_valid(tmp_path):
    section = DOC[DOC.index("## Configuration"):]
    text = section[section.index("```toml\n") + len("```toml\n"):section.index("```\n", 10)]
    table = tomllib.loads(text)["tool"]["protocol-kit"]["pii"]
    (tmp_path / table["baseline"]).write_text("[]", "utf-8")
    rules = rules_from_config(table, base_dir=tmp_path)
    assert "properties.client_ip" in rules.expected_paths and "context.ip" in rules.expected_paths
    assert rules.severity_of("demographic", "low") == "warning"


def test_default_expected_paths_are_documented():
    for path in DEFAULT_EXPECTED_PATHS:
        assert f"`{path}`" in DOC


def test_pii_codes_are_documented():
    for code in ("PII002", "PII003"):
        assert f"| {code} | `{codes.get(code).name}` |" in DOC


def test_python_example_prints_what_it_says(capsys):
    section = DOC[DOC.index("## Python API"):]
    code = section[section.index("```python\n") + len("```python\n"):section.index("```\n", 10)]
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    exec(compile(code, "docs/pii.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == expected
