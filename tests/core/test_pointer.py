"""JSON pointers and "did you mean": one implementation each."""
from hypothesis import given, strategies as st

import pytest

from protocol_kit import pointer
from protocol_kit.suggest import closest, did_you_mean, hint


@given(st.lists(st.one_of(st.text(), st.integers(0, 99))))
def test_parse_undoes_join(parts):
    assert pointer.parse(pointer.join(parts)) == [str(p) for p in parts]


def test_escaping_follows_rfc_6901():
    assert pointer.join(["a/b", "m~n", 0]) == "/a~1b/m~0n/0"
    assert pointer.join(["~1"]) == "/~01"  # ~ first, so that ~1 does not come back as /
    assert pointer.parse("/~01") == ["~1"]
    assert pointer.join(["x"], "/properties") == "/properties/x"
    assert pointer.parse("") == [] and pointer.parse("/") == [""]
    with pytest.raises(ValueError, match="not a JSON pointer"):
        pointer.parse("properties/x")


def test_a_plan_property_with_a_slash_gets_an_escaped_pointer(tmp_path):
    from protocol_kit.plan import load_plan
    from protocol_kit.plan.walk import iter_properties

    (tmp_path / "plan.yaml").write_text("plan: p\nevents:\n  Order Completed:\n    properties:\n"
                                        "      size/colour: {type: string}\n")
    [event] = load_plan(tmp_path / "plan.yaml").track_events
    assert [at for at, _ in iter_properties(event)] == ["/properties/size~1colour"]


def test_did_you_mean():
    assert did_you_mean("fail-onn", ["fail-on", "mode"]) == " (did you mean 'fail-on'?)"
    assert did_you_mean("zzz", ["fail-on"], otherwise="; expected fail-on") == "; expected fail-on"
    assert hint(None) == "" and hint("x") == " (did you mean 'x'?)"
    assert closest("order_completed", ["Order Completed", "Signed Up"]) == "Order Completed"
