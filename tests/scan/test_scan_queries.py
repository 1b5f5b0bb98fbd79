"""Every tree-sitter query compiles, and its predicates really filter.

tree-sitter ignores a misspelled predicate (``#any-off?``) without a word,
which would make every call of every method a tracking call; the samples
below catch that as well as a query that no longer matches the grammar.
"""
from __future__ import annotations

import pytest

from protocol_kit.scan import ScanConfig, scan_source
from protocol_kit.scan.languages import LANGUAGES, all_syntaxes, syntax_for

CALLS = {
    "javascript": ('analytics.track("A"); analytics.trackLater("B"); analytics.log("C")', "js"),
    "typescript": ('analytics.track("A"); analytics.trackLater("B"); analytics.log("C")', "ts"),
    "tsx": ('analytics.track("A"); analytics.trackLater("B"); analytics.log("C")', "tsx"),
    "python": ('analytics.track(u, "A")\nanalytics.track_later(u, "B")\nanalytics.log(u, "C")', "py"),
    "swift": ('analytics.track(name: "A")\nanalytics.trackLater(name: "B")\nanalytics.log(name: "C")', "swift"),
    "kotlin": ('fun f() { analytics.track("A"); analytics.trackLater("B"); analytics.log("C") }', "kt"),
    "java": ('class F { void f() { analytics.track("A"); analytics.trackLater("B"); analytics.log("C"); } }', "java"),
    "ruby": ('analytics.track(user_id: 1, event: "A")\nanalytics.track_later(event: "B")\nanalytics.log(event: "C")', "rb"),
}


@pytest.mark.parametrize("syntax", all_syntaxes(), ids=lambda s: s.name)
def test_queries_compile(syntax):
    config = ScanConfig(wrappers=("trackEvent",))
    assert syntax.query_for((*config.methods, "trackEvent")).pattern_count >= 1
    assert syntax.scope_query.pattern_count >= syntax.declaration_patterns >= 1
    if syntax.imports_query:
        assert syntax.imports.pattern_count == 1
    if hasattr(syntax, "puts"):
        assert syntax.puts.pattern_count == 1


@pytest.mark.parametrize("language", sorted(CALLS))
def test_only_tracking_methods_are_calls(language):
    source, extension = CALLS[language]
    result = scan_source(source, path=f"sample.{extension}", plan=None)
    assert [call.event.candidates for call in result.calls] == [("A",)]


def test_every_language_has_a_sample():
    assert {syntax.name for syntax in all_syntaxes()} == set(CALLS)


@pytest.mark.parametrize("extension", sorted(LANGUAGES))
def test_every_extension_has_a_language(extension):
    assert syntax_for(f"file{extension}") is not None
