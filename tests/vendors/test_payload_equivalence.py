"""An imported plan, compiled, accepts and rejects the same payloads as the vendor's own schemas.

For every event of the real JSON Schema-based plans, payloads are drawn from the vendor's schema
(payloads.py), then broken (a required property removed, a value of another type, an unplanned
property added); python-jsonschema checks each one against the vendor's schema (in its own draft) and the
whole Segment-spec payload against the compiled schema, and the two verdicts must agree.
"""
from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import FormatChecker
from jsonschema.validators import validator_for

from protocol_kit.compile import compile_plan
from protocol_kit.compile.compiled import slug
from payloads import payloads
from vendor_schemas import event_schemas
from vendor_support import CASES, import_case

PAYLOAD_FIELD = {"track": "properties", "page": "properties", "screen": "properties", "identify": "traits",
                 "group": "traits"}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _events():
    for case in CASES:
        for name, call, schema, root in event_schemas(case):
            yield pytest.param(case, name, call, schema, root, id=f"{case['case']}/{name}")


_IMPORTED: dict[str, object] = {}


def _compiled(case: dict):
    """The compiled import, without the later of two events that would compile to one file (Typewriter's
    E2E plans have such a pair on purpose; compile refuses them, see test_import_cases)."""
    if case["case"] not in _IMPORTED:
        plan = import_case(case).plan
        files: dict[str, str] = {}
        kept = [e for e in plan.events if e.call != "track" or files.setdefault(slug(e.name), e.name) == e.name]
        _IMPORTED[case["case"]] = compile_plan(replace(plan, events=tuple(kept)))
    return _IMPORTED[case["case"]]


def _standalone(schema: dict, root: dict) -> dict:
    """The event's schema with the definitions its references need, in its document's draft."""
    whole = {**schema, "$schema": root.get("$schema", schema.get("$schema", DRAFT_07))}
    if "self-desc" in whole["$schema"]:  # an Iglu self-describing schema is draft-04 with a meta block
        whole["$schema"] = "http://json-schema.org/draft-04/schema#"
    for key in ("$defs", "definitions"):
        if key in root:
            whole[key] = root[key]
    return whole


def _broken(payload: dict, schema: dict) -> list[dict]:
    variants = []
    for key in schema.get("required") or ():
        if key in payload:
            variants.append({k: v for k, v in payload.items() if k != key})
    for key, value in payload.items():
        changed = copy.deepcopy(payload)
        changed[key] = 12345 if isinstance(value, str) else "not a value of this type"
        variants.append(changed)
    variants.append({**payload, "zz_unplanned_property": "x"})
    return variants


@pytest.mark.parametrize("case, name, call, schema, root", list(_events()))
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_compiled_import_agrees_with_the_vendor_schema(case, name, call, schema, root, data):
    compiled = _compiled(case)
    vendor_schema = _standalone(schema, root)
    vendor = validator_for(vendor_schema)(vendor_schema, format_checker=FormatChecker())
    target = compiled.schema_for(call, name if call == "track" else None)
    if target is None and call == "track" and name not in {s.event for s in compiled.schemas}:
        pytest.skip(f"'{name}' compiles to the file of another event (see _compiled)")
    assert target is not None, f"no compiled schema for {call} {name}"
    ours = validator_for(target.schema)(target.schema, format_checker=FormatChecker())
    payload = data.draw(payloads(vendor_schema, vendor_schema))
    if not isinstance(payload, dict):
        return  # drawn from a type union; a Segment-spec payload field is always an object
    for fields in [payload, *_broken(payload, vendor_schema)]:
        whole = {"type": call, PAYLOAD_FIELD[call]: fields, **({"event": name} if call == "track" else {})}
        assert ours.is_valid(whole) == vendor.is_valid(fields), (
            f"{name}: the vendor's schema {'accepts' if vendor.is_valid(fields) else 'rejects'} {fields!r}, "
            "the compiled import does not agree")
