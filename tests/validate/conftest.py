from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE_PLAN = ROOT / "plans" / "ecommerce.yaml"


@pytest.fixture(scope="session")
def example_plan():
    from protocol_kit.validation import load_plan

    return load_plan(EXAMPLE_PLAN)
