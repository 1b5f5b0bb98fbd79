"""A few seconds of fuzzing in the suite: mutated example events and plans through lint, validate and scan.

``bench/fuzz.py`` runs the same check for longer (see docs/reliability.md for its figures).
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz import check_one


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_mutated_inputs_keep_every_promise(tmp_path_factory, seed):
    check_one(seed, tmp_path_factory.mktemp("fuzz"))
