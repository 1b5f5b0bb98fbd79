"""Real SDK payloads (tests/cases/vendor/segment-spec-payloads) get the same verdict from a RudderStack plan's
own schemas and from the compiled import of that plan: accepted by both, or rejected by both."""
from __future__ import annotations

import json

import pytest
from jsonschema import FormatChecker
from jsonschema.validators import validator_for

from protocol_kit.compile import compile_plan
from vendor_schemas import event_schemas
from vendor_support import CASES, VENDOR, import_case

PAYLOADS = VENDOR / "segment-spec-payloads/rudderlabs__rudder-iac/cli"
SDK_PAYLOADS = [
    *(json.loads((PAYLOADS / "internal/providers/transformations/testorchestrator/default_events.json")
                 .read_text("utf-8")).values()),
    json.loads((PAYLOADS / "tests/testdata/project/transformations-test/failure/input/mismatch_transform/"
                           "product_clicked.json").read_text("utf-8")),
]
PLANS = [c for c in CASES if c["case"] in ("ruddertyper-ecommerce", "ruddertyper-sample", "ruddertyper-example")]
FIELD = {"track": "properties", "page": "properties", "screen": "properties", "identify": "traits",
         "group": "traits"}


def _pairs():
    for case in PLANS:
        schemas = {(call, name if call == "track" else None): (schema, root)
                   for name, call, schema, root in event_schemas(case)}
        for payload in SDK_PAYLOADS:
            key = (payload["type"], payload.get("event") if payload["type"] == "track" else None)
            if key in schemas:
                yield pytest.param(case, payload, *schemas[key], id=f"{case['case']}/{payload['type']}")


PAIRS = list(_pairs())


def test_some_payloads_meet_a_planned_event():
    assert {p.id for p in PAIRS} >= {"ruddertyper-ecommerce/track", "ruddertyper-sample/identify",
                                     "ruddertyper-sample/page", "ruddertyper-sample/screen"}


@pytest.mark.parametrize("case, payload, schema, root", PAIRS)
def test_same_verdict_as_the_vendor_schema(case, payload, schema, root):
    vendor_schema = {**schema, "$schema": root.get("$schema")}
    vendor = validator_for(vendor_schema)(vendor_schema, format_checker=FormatChecker())
    compiled = compile_plan(import_case(case).plan).schema_for(payload["type"], payload.get("event"))
    ours = validator_for(compiled.schema)(compiled.schema, format_checker=FormatChecker())
    fields = payload.get(FIELD[payload["type"]], {})
    assert ours.is_valid(payload) == vendor.is_valid(fields)
