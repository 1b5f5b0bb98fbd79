from pathlib import Path

import pytest

PLAN = Path(__file__).resolve().parents[2] / "plans" / "ecommerce.yaml"


@pytest.fixture(scope="session")
def example_plan():
    from protocol_kit.validation.api import compiled

    return compiled(PLAN)
