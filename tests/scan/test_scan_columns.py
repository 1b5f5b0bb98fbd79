"""Columns are characters, not bytes: compared with Python's own string index."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from protocol_kit.scan import scan_source

# Any text without line breaks that cannot close the comment it sits in.
comment_text = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="*/"),
                       max_size=40)

COMMENTS = {"js": "/* {} */", "ts": "/* {} */", "java": "/* {} */", "kt": "/* {} */", "swift": "/* {} */"}
CALLS = {
    "js": 'analytics.track("Signed Up")', "ts": 'analytics.track("Signed Up")',
    "java": 'class A {{ {} void f() {{ analytics.track("Signed Up"); }} }}',
    "kt": 'fun f() {{ {} analytics.track("Signed Up") }}', "swift": 'analytics.track(name: "Signed Up")',
}


@settings(max_examples=60, deadline=None)
@given(prefix=comment_text, suffix=comment_text, extension=st.sampled_from(sorted(COMMENTS)))
def test_event_column_is_the_character_index(prefix, suffix, extension):
    comment = COMMENTS[extension].format(prefix)
    call = CALLS[extension]
    line = call.format(comment) if "{}" in call else f"{comment} {call}"
    source = f"// {suffix}\n{line}\n"
    [found] = scan_source(source, path=f"a.{extension}", plan=None).calls
    assert (found.event.location.line, found.event.location.column) == (2, line.index('"Signed Up"') + 1)


@settings(max_examples=30, deadline=None)
@given(prefix=st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\"\\"),
                      max_size=30))
def test_python_column_after_a_unicode_string(prefix):
    line = f'label = "{prefix}"; analytics.track(uid, "Signed Up")'
    [found] = scan_source(line + "\n", path="a.py", plan=None).calls
    assert found.event.location.column == line.index('"Signed Up"', len(prefix) + 9) + 1
