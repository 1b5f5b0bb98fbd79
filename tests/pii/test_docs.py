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
