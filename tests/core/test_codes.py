import re
from pathlib import Path

import pytest

from protocol_kit import codes
from protocol_kit.codes_doc import DOCS_PAGE, markdown

ROOT = Path(__file__).resolve().parents[2]


def test_docs_page_is_generated_from_the_table():
    assert (ROOT / DOCS_PAGE).read_text("utf-8") == markdown(), \
        "docs/codes.md is stale: run `python -m protocol_kit.codes_doc`"


@pytest.mark.parametrize("entry", codes.CODES.values(), ids=lambda c: c.code)
def test_every_code_is_well_formed(entry):
    assert re.fullmatch(r"(PL|EV|PII|SC|DF|CG|IM|IN)\d{3}", entry.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.name)
    assert entry.severity in codes.SEVERITIES
    assert entry.summary and entry.why and entry.fix


def test_names_are_unique():
    names = [c.name for c in codes.CODES.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("select, ignore, code, expected", [
    ((), (), "EV003", True),
    (("PL",), (), "EV003", False),
    (("PL",), (), "PL101", True),
    (("PL",), ("PL1",), "PL101", False),
    (("PL101",), ("PL1",), "PL101", True),  # the longer selector wins
    ((), ("PL3",), "PL301", False),
])
def test_selection_by_code_or_prefix(select, ignore, code, expected):
    assert codes.is_selected(code, select=select, ignore=ignore) is expected


def test_explain_prints_the_entry(protocol_kit):
    out = protocol_kit("explain", "EV003")
    assert out.code == 0
    assert out.stdout.startswith("EV003 missing-required-property")
    assert "How to fix:" in out.stdout


def test_explain_accepts_a_name(protocol_kit):
    assert protocol_kit("explain", "unknown-key").stdout.startswith("PL002 unknown-key")


def test_explain_unknown_code_is_a_usage_error_with_a_suggestion(protocol_kit):
    out = protocol_kit("explain", "EV03")
    assert out.code == 2
    assert "unknown code 'EV03'" in out.stderr
