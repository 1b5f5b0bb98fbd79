"""docs/pii.md agrees with the category and code tables it documents."""
from pathlib import Path

from protocol_kit import codes
from protocol_kit.pii import CATEGORIES

DOC = (Path(__file__).parents[2] / "docs" / "pii.md").read_text(encoding="utf-8")


def test_every_category_is_documented_with_its_sensitivity():
    for category in CATEGORIES.values():
        assert f"| `{category.name}` | {category.sensitivity} | {category.description} |" in DOC


def test_pii_codes_are_documented():
    for code in ("PII002", "PII003"):
        assert f"| {code} | `{codes.get(code).name}` |" in DOC


def test_python_example_prints_what_it_says(capsys):
    section = DOC[DOC.index("## Python API"):]
    code = section[section.index("```python\n") + len("```python\n"):section.index("```\n", 10)]
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    exec(compile(code, "docs/pii.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == expected
