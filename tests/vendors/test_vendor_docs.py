"""The import/export docs cover every registered format and every IM code."""
from __future__ import annotations

from protocol_kit.codes import CODES
from protocol_kit.vendors import FORMATS
from vendor_support import ROOT

DOCS = ROOT / "docs"


def test_every_format_has_a_page_with_a_mapping_table():
    pages = {page: page.read_text("utf-8") for page in (DOCS / "vendors").glob("*.md")}
    for name in FORMATS:
        page = next((text for text in pages.values() if f"`{name}`" in text.split("\n")[2]), None)
        assert page is not None, f"no page under docs/vendors names the format {name}"
        assert "| --- | --- |" in page, f"the page of {name} has no mapping table"


def test_every_format_and_code_is_in_the_overview():
    overview = (DOCS / "vendor-plans.md").read_text("utf-8")
    assert all(f"| `{name}` |" in overview for name in FORMATS)
    assert all(f"| {code} `{entry.name}` |" in overview for code, entry in CODES.items() if code.startswith("IM"))
