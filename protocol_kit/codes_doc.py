"""Render the code table as text for ``explain`` and as the Markdown page ``docs/codes.md``.

``python -m protocol_kit.codes_doc`` rewrites docs/codes.md; a test checks the
committed page equals what this module renders.
"""
from __future__ import annotations

import sys
from itertools import groupby
from pathlib import Path

from protocol_kit.codes import CODES, Code

FAMILIES = {"PL": "Plan lint", "EV": "Event validation", "PII": "Personal data", "SC": "Code scanning",
            "DF": "Plan changes", "IN": "Plan inference"}
DOCS_PAGE = Path("docs") / "codes.md"
# Where docs/codes.md is published; reports link each code to its section there.
DOCS_URL = "https://github.com/protocol-kit/protocol-kit/blob/main/docs/codes.md"


def family(code: str) -> str:
    return next(prefix for prefix in sorted(FAMILIES, key=len, reverse=True) if code.startswith(prefix))


def anchor(entry: Code) -> str:
    """The id of the entry's heading (``### EV003 missing-required-property``) in the Markdown page."""
    return f"{entry.code}-{entry.name}".lower()


def code_url(code: str) -> str:
    """The documentation of ``code``: its section of the published codes page."""
    entry = CODES.get(code)
    return f"{DOCS_URL}#{anchor(entry)}" if entry else DOCS_URL


def explain(entry: Code) -> str:
    return "\n".join([
        f"{entry.code} {entry.name} ({FAMILIES[family(entry.code)].lower()}, kind {entry.kind}, "
        f"default severity {entry.severity})",
        "",
        entry.summary,
        "",
        f"Why it matters: {entry.why}",
        f"How to fix: {entry.fix}",
    ])


def markdown() -> str:
    lines = [
        "# Finding codes",
        "",
        "Every finding has a stable code (family prefix and digits), a name, a kind and a default severity.",
        "Select, ignore or re-grade codes by code or prefix in `[tool.protocol-kit.lint]`; "
        "`protocol-kit explain CODE` prints one entry.",
        "This page is generated from `protocol_kit/codes.py` by `python -m protocol_kit.codes_doc`.",
    ]
    for prefix, entries in groupby(CODES.values(), key=lambda c: family(c.code)):
        lines += ["", f"## {FAMILIES[prefix]} ({prefix})", "",
                  "| code | name | kind | severity | what it means |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {c.code} | `{c.name}` | {c.kind} | {c.severity} | {c.summary} |" for c in entries]
    for entry in CODES.values():
        lines += ["", f"### {entry.code} {entry.name}", "", entry.summary, "",
                  f"**Why it matters.** {entry.why}", "", f"**How to fix.** {entry.fix}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_PAGE
    target.write_text(markdown(), encoding="utf-8")
    print(f"wrote {target}")
