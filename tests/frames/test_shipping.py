"""The plan shipped to Spark and Dask workers: compiled once, named by a digest, one validator per digest."""
from __future__ import annotations

import pickle

from protocol_kit.commands.frames import ship, validator_for, verdicts
from tests.frames.conftest import EXAMPLE_PLAN, EXAMPLES, ROOT


def test_the_digest_names_the_compiled_schemas():
    one, again = ship(EXAMPLE_PLAN), ship(EXAMPLE_PLAN)
    assert one.digest == again.digest and len(one.digest) == 64
    assert ship(ROOT / "plans" / "saas.yaml").digest != one.digest


def test_a_worker_keeps_one_validator_per_digest():
    shipped = ship(EXAMPLE_PLAN)
    received = pickle.loads(pickle.dumps(shipped))  # what a worker gets with each task
    assert validator_for(received) is validator_for(shipped)
    assert validator_for(ship(ROOT / "plans" / "saas.yaml")) is not validator_for(shipped)


def test_cells_of_every_kind_are_checked():
    shipped = ship(EXAMPLE_PLAN)
    event = {"type": "track", "event": "Order Complete", "messageId": "m-1", "properties": {}}
    identify = EXAMPLES.read_text("utf-8").splitlines()[0]  # a conforming identify call
    found = list(verdicts(shipped, [identify, b"{not json", event, None], range(4)))
    assert [v.valid for v in found] == [True, False, False, False]
    assert [v.event for v in found] == ["identify", None, "Order Complete", None]
    assert [v.codes for v in found] == [[], ["EV001"], ["EV002"], ["EV001"]]
