"""The compiled validator and the reference (python-jsonschema) agree on every event.

Same verdict as stock python-jsonschema (with the shared format definitions),
and the same violations when the errors are explained by either validator.
Events come from hypothesis (valid and mutated, from the example plan's
schemas) and from the benchmark corpus.
"""
import itertools

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from bench.corpus import events as corpus_events, plan_document
from protocol_kit.compile import compile_plan
from protocol_kit.events import EventRecord
from protocol_kit.plan.builder import build_plan
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.validation.api import compiled
from protocol_kit.validation.checks import check_record
from protocol_kit.validation.reference import stock_validator
from protocol_kit.validation.schemas import PlanSchemas
from tests.validate.conftest import EXAMPLE_PLAN
from tests.validate.strategies import from_schema, mutated

SCHEMAS = PlanSchemas(compiled(EXAMPLE_PLAN))
ENTRIES = [*SCHEMAS.track.values(), *SCHEMAS.calls.values()]
STOCK = {id(e): stock_validator(e.compiled.schema) for e in ENTRIES}


def assert_agree(schemas: PlanSchemas, entry, event) -> None:
    verdict = entry.validator.is_valid(event)
    assert verdict == STOCK.get(id(entry), stock_validator(entry.compiled.schema)).is_valid(event), event
    record = EventRecord(event)
    fast = check_record(record, schemas)
    reference = check_record(record, schemas, reference=True)
    assert fast == reference
    assert verdict == (not any(v.code != "EV012" for v in fast))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_events(entry, data):
    schema = entry.compiled.schema
    event = data.draw(st.one_of(from_schema(schema), mutated(schema)))
    if isinstance(event, dict):
        event.setdefault("type", entry.compiled.call)
        if entry.compiled.call == "track":
            event["event"] = entry.compiled.event
    assert_agree(SCHEMAS, entry, event)


def bench_schemas() -> tuple[PlanSchemas, dict]:
    document = plan_document()
    plan = build_plan(RawPlan(data=document, file="bench.yaml"))
    return PlanSchemas(compile_plan(plan)), document


def test_benchmark_corpus():
    schemas, document = bench_schemas()
    checked = 0
    for event in itertools.islice(corpus_events(document, 3000, seed=5, invalid=0.3), 3000):
        entry = schemas.track.get(event.get("event")) if event["type"] == "track" else schemas.calls.get(event["type"])
        if entry is not None:
            assert_agree(schemas, entry, event)
            checked += 1
    assert checked > 2500
