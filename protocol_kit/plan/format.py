"""Check raw plan data against the plan format's JSON Schema.

Unknown keys become PL002 findings (with the closest known key suggested)
and are dropped; every other structural problem is a PlanError that names
the file, line and what was expected.
"""
from __future__ import annotations

import datetime
import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterator

import jsonschema_rs

from protocol_kit import pointer
from protocol_kit.errors import PlanError
from protocol_kit.plan.source_map import RawPlan
from protocol_kit.suggest import did_you_mean
from protocol_kit.violation import Violation

if TYPE_CHECKING:  # python-jsonschema is imported only to explain an invalid plan
    import jsonschema


@cache
def plan_format_schema() -> dict[str, Any]:
    """The JSON Schema of the plan format, as published for editors."""
    text = resources.files("protocol_kit.plan").joinpath("plan-format.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> "jsonschema.Draft202012Validator":
    import jsonschema

    return jsonschema.Draft202012Validator(plan_format_schema())


@cache
def _compiled_validator():
    """Decides valid or not for a whole plan at compiled speed; python-jsonschema explains the rest."""
    return jsonschema_rs.validator_for(plan_format_schema())


def _valid_at_compiled_speed(data: Any) -> bool:
    try:
        return _compiled_validator().is_valid(data)
    except ValueError:  # a value JSON does not have, such as an unquoted YAML date: explained below
        return False


def check_plan_format(raw: RawPlan) -> None:
    """Record unknown keys as findings and drop them; raise PlanError for anything else."""
    if _valid_at_compiled_speed(raw.data):
        return
    unknown: list[tuple[tuple, str, list[str]]] = []
    for error in sorted(_leaf_errors(_validator().iter_errors(raw.data)), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.schema.get("properties"), dict):
            known = list(error.schema["properties"])
            for key in sorted(set(error.instance) - set(known)):
                unknown.append((path, key, known))
            continue
        raise PlanError(_explain(error), raw.location(path))
    for path, key, known in unknown:
        raw.findings.append(Violation.of("PL002", _unknown_key_message(key, known),
                                         path=pointer.join((*path, key)),
                                         source=raw.location((*path, key))))
        _parent(raw.data, path).pop(key, None)


def _leaf_errors(errors) -> Iterator[jsonschema.ValidationError]:
    for error in errors:
        if error.validator in ("anyOf", "oneOf") and error.context:
            # A property is a type name or a mapping: explain the branch matching what was written.
            wanted = [e for e in error.context if not (e.validator == "type" and e.relative_schema_path[0] == 0)]
            if isinstance(error.instance, dict) and wanted:
                yield from _leaf_errors(e for e in wanted if e.relative_schema_path[0] != 0)
                continue
            yield error
        else:
            yield error


def _unknown_key_message(key: str, known: list[str]) -> str:
    expected = f"; expected one of: {', '.join(known)}"
    return f"unknown key '{key}'{did_you_mean(key, known, otherwise=expected)}"


def _explain(error: jsonschema.ValidationError) -> str:
    where = "/".join(map(str, error.absolute_path)) or "the plan"
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"'{where}' should be {_article(expected)}, got {_json_type(error.instance)}"
    if error.validator == "required":
        return f"missing required key: {error.message.split(' ')[0]}"
    if error.validator == "enum":
        return f"'{where}' must be one of {', '.join(map(str, error.validator_value))}, got {error.instance!r}"
    if error.validator == "anyOf":
        return f"'{where}' should be a type name or a mapping of property keys, got {_json_type(error.instance)}"
    return f"'{where}': {error.message}"


def _article(kind: str) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "a string", "boolean": "true or false",
             "integer": "a whole number", "number": "a number"}
    return names.get(kind, kind)


def _json_type(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date (YAML reads unquoted dates as dates: quote it)"
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _parent(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data
