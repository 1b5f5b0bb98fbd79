"""json_problem (protocol_kit/events/shape.py): the quick walk without paths agrees with the walk that says
where, on values of every kind Python holds (subclasses of the JSON types, NaN, other keys, deep nesting,
cycles)."""
import enum
import math
from collections import OrderedDict

from hypothesis import given, settings
from hypothesis import strategies as st

from protocol_kit.events.shape import TOO_DEEP, _problem, json_problem, plainly_json
from protocol_kit.limits import MAX_EVENT_DEPTH


class Size(enum.IntEnum):
    SMALL = 1


class Label(str):
    pass


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
                    st.sampled_from([Size.SMALL, Label("x"), math.nan, math.inf, b"bytes", (1, 2), {1, 2}, 1j]))
KEYS = st.one_of(st.text(max_size=3), st.sampled_from([1, None, Label("k"), (1,)]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3),
    st.builds(OrderedDict, st.dictionaries(st.text(max_size=2), inner, max_size=2))), max_leaves=20)


@settings(max_examples=600)
@given(VALUES)
def test_the_quick_walk_gives_the_answer_of_the_walk_that_says_where(value):
    assert json_problem(value) == _problem(value)
    if plainly_json(value):
        assert _problem(value) is None


def nested(depth):
    """Objects and arrays, ``depth`` levels deep."""
    value: dict | list = {}
    for level in range(depth - 1):
        value = [value] if level % 2 else {"a": value}
    return value


def test_depth_cycles_and_types_are_still_named():
    assert json_problem(nested(MAX_EVENT_DEPTH)) is None
    assert json_problem(nested(MAX_EVENT_DEPTH + 1)) == TOO_DEEP
    assert not plainly_json(nested(MAX_EVENT_DEPTH + 1))
    looped: dict = {"a": {}}
    looped["a"]["b"] = looped
    assert json_problem(looped) == "the event contains itself at '/a/b'"
    assert json_problem({"a": [1, {"t": math.nan}]}) == "NaN at '/a/1/t' is not a JSON number"
    assert json_problem({"a": {2: 1}}) == "object key int at '/a' is not a string"
    assert json_problem({"when": b"x"}) == "value at '/when' is of type bytes, not a JSON value"
    assert json_problem({"size": Size.SMALL, "label": Label("x")}) is None  # subclasses: the close look passes them
