"""What the generators read: the planned calls of a compiled plan and the types of their fields.

The model is built from the compiled JSON Schemas, the same files ``validate``
checks events against, so a generated client can never disagree with the
validator about what a call may carry.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

import orjson

from protocol_kit.compile import CompiledPlan, CompiledSchema
from protocol_kit.compile.compiled import META_KEY
from protocol_kit.plan.model import CALL_TYPES, PAYLOAD_FIELD

JSON_KINDS = ("string", "integer", "number", "boolean", "object", "array")


@dataclass(frozen=True, slots=True)
class Shape:
    """The type of one value. ``kind`` is a JSON type, or ``any`` when the schema does not name one type."""

    kind: str = "any"
    nullable: bool = False
    enum: tuple[Any, ...] | None = None  # allowed values, without null (``nullable`` says whether null is)
    format: str | None = None
    pattern: str | None = None
    items: "Shape | None" = None
    fields: tuple["Field", ...] = ()
    open: bool = True  # an object that accepts keys it does not plan


@dataclass(frozen=True, slots=True)
class Field:
    """One planned key of an object: its name as sent, its shape and what the plan says about it."""

    name: str
    shape: Shape
    required: bool = False
    description: str | None = None
    deprecated: bool = False
    pii: str | None = None  # the declared category of personal data


@dataclass(frozen=True, slots=True)
class Call:
    """One planned call: a track event, or the plan's identify, page, screen or group call."""

    call: str
    event: str | None
    payload_field: str  # "properties" or "traits"
    payload: Shape  # the object under ``payload_field``
    description: str | None
    owner: str | None
    deprecated: bool
    compiled: CompiledSchema
    version: str | None = None  # the event version, for events planned with versions

    @property
    def name(self) -> str:
        return self.event or self.call

    @property
    def key(self) -> str:
        """What tells the call apart: the event name (``Order Completed@2`` for a version), or the call type."""
        return f"{self.name}@{self.version}" if self.version is not None else self.name

    @property
    def schema_key(self) -> str:
        """The key of the call's schema in generated code: ``track:<event>[@<version>]`` or the call type."""
        return f"track:{self.key}" if self.call == "track" else self.call


@dataclass(frozen=True, slots=True)
class Model:
    plan: str
    version: str | None
    digest: str  # of every compiled file, so a generated file names the exact schemas it was made from
    description: str | None
    calls: tuple[Call, ...]  # track events by name, then identify, page, screen, group
    context: Shape  # the envelope's ``context`` as the plan's common section defines it
    compiled: CompiledPlan

    @property
    def track(self) -> tuple[Call, ...]:
        return tuple(c for c in self.calls if c.call == "track")

    def call(self, call: str) -> Call | None:
        return next((c for c in self.calls if c.call == call and call != "track"), None)


def build_model(compiled: CompiledPlan, *, description: str | None = None) -> Model:
    calls = sorted((_call(s) for s in compiled.schemas),
                   key=lambda c: (CALL_TYPES.index(c.call), c.event or "", _version_order(c.version)))
    context = next((_shape(s.schema["properties"]["context"]) for s in compiled.schemas
                    if "context" in s.schema.get("properties", {})), Shape(kind="object"))
    return Model(plan=compiled.name, version=compiled.version, digest=schemas_digest(compiled),
                 description=description, calls=tuple(calls), context=context, compiled=compiled)


def schemas_digest(compiled: CompiledPlan) -> str:
    """``sha256:`` and the hex digest of the plan's index and schemas, as JSON with sorted keys."""
    document = {"index": compiled.index(), "schemas": {s.file: s.schema for s in compiled.schemas}}
    return f"sha256:{hashlib.sha256(embedded_json(document)).hexdigest()}"


def embedded_json(value: Any) -> bytes:
    """The one serialisation of schemas inside generated files: sorted keys, two-space indent, UTF-8."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2)


def _call(compiled: CompiledSchema) -> Call:
    schema = compiled.schema
    field = PAYLOAD_FIELD[compiled.call]
    meta = schema.get(META_KEY, {})
    payload = schema.get("properties", {}).get(field, {"type": "object"})
    return Call(call=compiled.call, event=compiled.event, payload_field=field, payload=_shape(payload),
                description=schema.get("description"), owner=meta.get("owner"),
                deprecated=bool(schema.get("deprecated")), compiled=compiled,
                version=getattr(compiled, "version", None))


def _version_order(version: str | None) -> tuple:
    """``2`` before ``10``: versions by their numbers, then their text."""
    if version is None:
        return ()
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|[^\d.\-_]+", version))


def _shape(schema: dict[str, Any]) -> Shape:
    declared = schema.get("type")
    types = declared if isinstance(declared, list) else [declared] if declared else []
    kinds = [t for t in types if t != "null" and t in JSON_KINDS]
    nullable = "null" in types
    enum = schema.get("enum")
    if "const" in schema:
        enum = [schema["const"]]
    if enum is not None:
        nullable = nullable or None in enum
        enum = tuple(v for v in enum if v is not None)
    kind = kinds[0] if len(kinds) == 1 else "any"
    required = set(schema.get("required", ()))
    fields = tuple(_field(name, sub, name in required) for name, sub in sorted(schema.get("properties", {}).items()))
    items = schema.get("items")
    return Shape(kind=kind, nullable=nullable, enum=enum, format=schema.get("format"), pattern=schema.get("pattern"),
                 items=_shape(items) if isinstance(items, dict) else None, fields=fields,
                 open=schema.get("additionalProperties", True) is not False)


def _field(name: str, schema: dict[str, Any], required: bool) -> Field:
    pii = schema.get("x-pii")
    return Field(name=name, shape=_shape(schema), required=required, description=schema.get("description"),
                 deprecated=bool(schema.get("deprecated")), pii=pii if isinstance(pii, str) else None)
