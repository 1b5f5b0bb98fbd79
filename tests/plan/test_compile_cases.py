"""Compiled schemas, used with python-jsonschema directly, accept and reject payloads as the plan says.

Each folder under tests/cases/compile holds a plan, payloads it accepts
(``valid/*.json``) and payloads it rejects (``invalid/*.json``, written as
``{"error": {"keyword": ..., "at": <JSON pointer into the payload>}, "payload": ...}``,
with ``"schema": <file>`` when the payload is checked against another call's schema, and the
``"format"`` of a ``format`` error: python-jsonschema checks some formats only when an optional
package is installed, such as ``rfc3339-validator`` for ``date-time``).
A folder with ``expected/`` also pins the compiled bytes.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from plan_support import UPDATE, case_dirs
from protocol_kit.compile import compile_plan
from protocol_kit.plan import load_plan

CASES = case_dirs("compile")


def _payloads(kind: str) -> list[Path]:
    return sorted(p for case in CASES for p in (case / kind).glob("*.json"))


def _id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.stem}"


def _errors(path: Path, payload: dict, schema_file: str | None = None) -> list:
    compiled = compile_plan(load_plan(path.parent.parent / "plan.yaml"))
    if schema_file:
        schema = next(s.schema for s in compiled.schemas if s.file == schema_file)
    else:
        found = compiled.schema_for(payload.get("type", "track"), payload.get("event"))
        assert found is not None, f"no schema for {payload.get('type')} {payload.get('event')}"
        schema = found.schema
    Draft202012Validator.check_schema(schema)
    return list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(payload))


@pytest.mark.parametrize("path", _payloads("valid"), ids=_id)
def test_valid_payload_is_accepted(path):
    payload = json.loads(path.read_text("utf-8"))
    assert [e.message for e in _errors(path, payload)] == []


@pytest.mark.parametrize("path", _payloads("invalid"), ids=_id)
def test_invalid_payload_is_rejected_for_the_expected_reason(path):
    case = json.loads(path.read_text("utf-8"))
    needed = case["error"].get("format")
    if needed and needed not in FormatChecker().checkers:
        pytest.skip(f"this jsonschema install does not check the {needed} format")
    found = [(e.validator, e.json_path, "".join(f"/{p}" for p in e.absolute_path))
             for e in _errors(path, case["payload"], case.get("schema"))]
    expected = (case["error"]["keyword"], case["error"]["at"])
    assert expected in [(keyword, at) for keyword, _, at in found], found


@pytest.mark.parametrize("case", [c for c in CASES if (c / "expected").is_dir()], ids=lambda c: c.name)
def test_compiled_bytes(case):
    files = compile_plan(load_plan(case / "plan.yaml")).files()
    if UPDATE:
        for name, content in files.items():
            (case / "expected" / name).parent.mkdir(parents=True, exist_ok=True)
            (case / "expected" / name).write_bytes(content)
    on_disk = {p.relative_to(case / "expected").as_posix(): p.read_bytes()
               for p in (case / "expected").rglob("*.json")}
    assert files == on_disk
