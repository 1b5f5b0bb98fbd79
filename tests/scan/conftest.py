from __future__ import annotations

from pathlib import Path

import pytest


CASES = Path(__file__).parent.parent / "cases" / "scan"
PLAN = CASES / "plan.yaml"


@pytest.fixture
def plan():
    from protocol_kit.plan import load_plan
    return load_plan(PLAN)
