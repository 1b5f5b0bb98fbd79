"""The compiled-file serialiser writes exactly what json.dumps(indent=2, sort_keys=True, ensure_ascii=False) writes."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from protocol_kit.compile.json_text import dumps_indented

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=30)


@given(JSON)
def test_same_text_as_json_dumps(value):
    assert dumps_indented(value) == json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)


def test_tuples_are_lists():
    assert dumps_indented({"a": (1, "é")}) == '{\n  "a": [\n    1,\n    "é"\n  ]\n}'


@pytest.mark.parametrize("value", [{1: "a"}, {"a": object()}, {"a": {1, 2}}])
def test_refuses_what_json_cannot_hold(value):
    with pytest.raises(TypeError):
        dumps_indented(value)
