"""JSON Schema (draft-04 to 2020-12) -> plan properties, keeping what the plan cannot say as raw schema.

Every keyword is either mapped onto a plan key, kept as raw ``json_schema``
(IM001, compiled as it came) or, for schema identifiers only, dropped and
counted (IM002). Local ``$ref``s are resolved; one that names nothing is IM005.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from protocol_kit.plan.model import ANY_TYPE, Property, raw_schema_text
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.vendors.document import Findings

# string formats the plan has a type for
FORMAT_TYPES = {"date-time": "datetime", "date": "date", "email": "email", "uri": "uri", "uuid": "uuid"}
JSON_TYPES = ("string", "integer", "number", "boolean", "object", "array")
# keyword -> Property field, taken as they are
SIMPLE_KEYWORDS = {"description": "description", "pattern": "pattern", "minimum": "minimum", "maximum": "maximum",
                   "minLength": "min_length", "maxLength": "max_length"}
PII_KEYWORDS = ("x-protocol-kit-pii", "x-pii")
IDENTIFIERS = ("id", "$id")
ANNOTATIONS_DROPPED = ("$schema",)  # the plan compiles to one dialect of its own
# the JSON Schema vocabulary (draft-04 to 2020-12), to tell a format's own keys from schema keywords
JSON_SCHEMA_KEYWORDS = frozenset("""
    $schema $id id $ref $defs definitions $comment $anchor $dynamicRef $dynamicAnchor $vocabulary
    type enum const format title description default examples deprecated readOnly writeOnly
    multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern
    items additionalItems prefixItems contains minContains maxContains maxItems minItems uniqueItems
    properties patternProperties additionalProperties unevaluatedProperties unevaluatedItems required
    propertyNames maxProperties minProperties dependencies dependentRequired dependentSchemas
    allOf anyOf oneOf not if then else contentMediaType contentEncoding contentSchema
""".split())
# keywords that describe without constraining; with the keywords JSON Schema does not know (which it ignores)
# they are kept raw and counted once per file rather than reported one by one
ANNOTATIONS = frozenset(("title", "description", "$comment", "default", "examples", "deprecated", "readOnly",
                         "writeOnly", "contentMediaType", "contentEncoding", "contentSchema", "$anchor",
                         "id"))  # an `id` that is no schema identifier is some tool's own (Avo's property ids)
HANDLED = {"type", "format", "enum", "const", "properties", "required", "additionalProperties", "items",
           "examples", "deprecated", "nullable", "$ref", *SIMPLE_KEYWORDS, *PII_KEYWORDS, *IDENTIFIERS,
           *ANNOTATIONS_DROPPED}
FIELDS_HANDLED = {"type", "properties", "required", "additionalProperties", "description", *IDENTIFIERS,
                  *ANNOTATIONS_DROPPED}


@dataclass
class Fields:
    """An object schema read as plan fields: its properties, whether it is open, and raw keywords left over."""

    properties: tuple[Property, ...]
    additional_properties: bool | None
    description: str | None
    raw: dict[str, Any]


class SchemaReader:
    """Reads the schemas of one document; ``root`` is what ``#/...`` references point into."""

    def __init__(self, document: RawPlan, findings: Findings, *, root: Any = None, event: str | None = None):
        self.document = document
        self.findings = findings
        self.root = document.data if root is None else root
        self.event = event

    def for_event(self, event: str | None, *, root: Any = None) -> "SchemaReader":
        """A reader for one event's schema; ``root``: the schema its references point into, if its own."""
        return SchemaReader(self.document, self.findings, root=self.root if root is None else root, event=event)

    def fields(self, schema: Any, path: KeyPath) -> Fields:
        """An object schema (an event's ``properties`` or ``traits``) as fields."""
        schema = self._resolve(schema, path)
        if not isinstance(schema, dict):
            return Fields((), None, None, {})
        raw = {k: v for k, v in schema.items()
               if k not in FIELDS_HANDLED or (k in IDENTIFIERS and not _is_identifier(v))}
        if schema.get("type") not in (None, "object", ["object"]):
            raw["type"] = schema["type"]
        self._drop_identifiers(schema)
        additional = schema.get("additionalProperties")
        if isinstance(additional, dict):
            raw["additionalProperties"] = additional
            additional = None
        children, additional = self._unevaluated(self._children(schema, path), additional, raw, path)
        self._report_raw(raw, path)
        return Fields(children, additional, schema.get("description"), raw)

    def property(self, name: str, schema: Any, path: KeyPath, *, required: bool = False) -> Property:
        schema = self._resolve(schema, path)
        if schema is True or schema == {} or schema is None:
            return Property(name=name, required=required)
        if schema is False:
            self.findings.add("IM001", f"'{name}': the schema `false` (no value allowed) kept as raw JSON Schema",
                              self.document, path, event=self.event)
            return Property(name=name, required=required, json_schema=raw_schema_text({"not": {}}))
        if not isinstance(schema, dict):
            self.findings.add("IM002", f"'{name}': `{schema!r}` is not a schema: imported as any value",
                              self.document, path, event=self.event)
            return Property(name=name, required=required)
        self._drop_identifiers(schema)
        schema = _exclusive_bounds(schema)
        raw = {k: v for k, v in schema.items() if k not in HANDLED or (k in IDENTIFIERS and not _is_identifier(v))}
        kind, nullable, raw_type = self._type(schema)
        if raw_type is not None:
            raw["type"] = raw_type
        fmt = schema.get("format")
        if kind == "string" and fmt in FORMAT_TYPES:
            kind, fmt = FORMAT_TYPES[fmt], None
        enum = self._enum(schema, nullable)
        items = None
        if isinstance(schema.get("items"), dict) or schema.get("items") is True:
            items = self.property("items", schema["items"], (*path, "items"))
        elif "items" in schema:
            raw["items"] = schema["items"]
        additional = schema.get("additionalProperties")
        if additional is not None and not isinstance(additional, bool):
            raw["additionalProperties"] = additional
            additional = None
        children = self._children(schema, path)
        if kind == ANY_TYPE and "type" not in schema and children:
            kind = "object"
            self.findings.add("IM006", f"'{name}' has properties but no type: imported as an object (JSON Schema "
                                       "would also accept a value that is not one)", self.document, path,
                              event=self.event)
        if kind not in ("object",) and (children or additional is not None):
            raw.update({k: schema[k] for k in ("properties", "required", "additionalProperties") if k in schema})
            children, additional = (), None
        if kind == "object":
            children, additional = self._unevaluated(children, additional, raw, path, name)
        pii = next((schema[k] for k in PII_KEYWORDS if k in schema), None)
        self._report_raw(raw, path, name)
        return Property(
            name=name, type=kind, required=required, nullable=nullable,
            enum=enum, format=fmt, items=items, properties=children, additional_properties=additional,
            pii=pii, examples=tuple(schema["examples"]) if isinstance(schema.get("examples"), list) else (), deprecated=bool(schema.get("deprecated", False)),
            json_schema=raw_schema_text(raw),
            **{field: _number(schema.get(keyword)) for keyword, field in SIMPLE_KEYWORDS.items()
               if keyword != "description"},
            description=schema.get("description") if isinstance(schema.get("description"), str) else None,
        )

    # --- parts -------------------------------------------------------------------

    def _unevaluated(self, children: tuple[Property, ...], additional: bool | None, raw: dict, path: KeyPath,
                     name: str | None = None) -> tuple[tuple[Property, ...], bool | None]:
        """``unevaluatedProperties: false`` as ``additional_properties: false``, with the properties its
        subschemas (``allOf``, ``if``/``then``...) name planned as optional values of any type.

        The plan always says whether an object is open, and JSON Schema's ``additionalProperties: true``
        counts every property as evaluated: kept raw, ``unevaluatedProperties`` would check nothing.
        """
        if raw.get("unevaluatedProperties") is True:
            raw.pop("unevaluatedProperties")
            return children, additional
        if raw.get("unevaluatedProperties") is not False or additional is True:
            return children, additional
        raw.pop("unevaluatedProperties")
        named = {p.name for p in children}
        extra = [key for key in _names_in_subschemas(self._inline(raw, path)) if key not in named]
        if extra:
            what = f"'{name}': " if name else ""
            self.findings.add("IM006", f"{what}`unevaluatedProperties: false` imported as `additional_properties: "
                                       f"false`, with {', '.join(extra)} (named by its subschemas) planned as "
                                       "optional", self.document, path, event=self.event)
        return (*children, *(Property(name=key) for key in dict.fromkeys(extra))), False

    def _children(self, schema: dict, path: KeyPath) -> tuple[Property, ...]:
        props = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
        required = [r for r in schema.get("required") or () if isinstance(r, str)]
        children = [self.property(str(key), value, (*path, "properties", key), required=key in required)
                    for key, value in props.items()]
        for index, key in enumerate(r for r in dict.fromkeys(required) if r not in props):
            self.findings.add("IM006", f"'{key}' is required but has no schema: imported as a required "
                                       "property of any type", self.document, (*path, "required"), event=self.event)
            children.append(Property(name=key, required=True))
        return tuple(children)

    def _type(self, schema: dict) -> tuple[str, bool, Any]:
        """(plan type, nullable, the type keyword kept raw when the plan cannot say it)."""
        written = schema.get("type")
        nullable = bool(schema.get("nullable", False))
        if written is None:
            if "properties" in schema:
                return "object", nullable, None
            return ANY_TYPE, nullable, None
        types = [written] if isinstance(written, str) else list(written)
        if "null" in types:
            nullable = True
            types = [t for t in types if t != "null"]
        kinds = set(types)
        if kinds == {"integer", "number"}:
            kinds = {"number"}
        if len(kinds) == 1 and next(iter(kinds)) in JSON_TYPES:
            return next(iter(kinds)), nullable, None
        if kinds >= set(JSON_TYPES):
            return ANY_TYPE, False, None  # any value, null included
        if not kinds:  # only null
            return ANY_TYPE, False, "null"
        return ANY_TYPE, False, written

    def _enum(self, schema: dict, nullable: bool) -> tuple[Any, ...] | None:
        if "const" in schema and "enum" not in schema:
            return (_number(schema["const"]),)
        values = schema.get("enum")
        if not isinstance(values, list):
            return None
        if nullable:
            values = [v for v in values if v is not None]
        return tuple(_number(v) for v in values)

    def _resolve(self, schema: Any, path: KeyPath, seen: tuple[str, ...] = ()) -> Any:
        if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
            return schema
        ref = schema["$ref"]
        target = self._lookup(ref) if ref not in seen else None
        if target is None:
            why = "refers to itself" if ref in seen else "names nothing in this document"
            self.findings.add("IM005", f"`$ref: {ref}` {why}: imported as any value", self.document,
                              (*path, "$ref"), event=self.event)
            return {k: v for k, v in schema.items() if k != "$ref"}
        merged = {**self._resolve(target, path, (*seen, ref)), **{k: v for k, v in schema.items() if k != "$ref"}}
        return merged

    def _lookup(self, ref: str) -> Any:
        if not ref.startswith("#"):
            return None
        node = self.root
        for part in ref[1:].split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node

    def _drop_identifiers(self, schema: dict) -> None:
        for keyword in IDENTIFIERS:
            if _is_identifier(schema.get(keyword)):
                self.findings.drop_keyword(self.document, keyword)

    def _inline(self, value: Any, path: KeyPath, depth: int = 0) -> Any:
        """Raw schema with its local references replaced by what they name: compiled, it stands alone."""
        if isinstance(value, list):
            return [self._inline(v, path, depth) for v in value]
        if not isinstance(value, dict):
            return value
        if isinstance(value.get("$ref"), str) and depth < 32:
            value = self._resolve(value, path)
        return {k: self._inline(v, path, depth + 1) for k, v in value.items()}

    def _report_raw(self, raw: dict[str, Any], path: KeyPath, name: str | None = None) -> None:
        for key in list(raw):
            raw[key] = self._inline(raw[key], path)
        _as_2020_12(raw)
        assertions = [key for key in raw if key in JSON_SCHEMA_KEYWORDS and key not in ANNOTATIONS]
        for key in raw:
            if key not in assertions:
                self.findings.keep_annotation(self.document, key)
        if assertions:
            raw_ = {k: raw[k] for k in assertions}
            what = f"'{name}': " if name else ""
            self.findings.add("IM001", f"{what}{', '.join(f'`{k}`' for k in sorted(raw_))} kept as raw JSON Schema",
                              self.document, path, event=self.event)


def _names_in_subschemas(raw: dict[str, Any]) -> list[str]:
    """The property names that the in-place subschemas of an object schema declare."""
    names: list[str] = []
    for key in ("allOf", "anyOf", "oneOf"):
        for part in raw.get(key) or ():
            if isinstance(part, dict):
                names.extend(part.get("properties") or {})
                names.extend(_names_in_subschemas(part))
    for key in ("if", "then", "else"):
        if isinstance(raw.get(key), dict):
            names.extend(raw[key].get("properties") or {})
            names.extend(_names_in_subschemas(raw[key]))
    return names


def _as_2020_12(raw: dict[str, Any]) -> None:
    """Raw keywords of older drafts as the plan compiles them (2020-12): tuple ``items`` changes its
    spelling, not its meaning."""
    if isinstance(raw.get("items"), list):
        raw["prefixItems"] = raw.pop("items")
        if "additionalItems" in raw:
            raw["items"] = raw.pop("additionalItems")


def _exclusive_bounds(schema: dict[str, Any]) -> dict[str, Any]:
    """draft-04's boolean ``exclusiveMinimum: true`` beside ``minimum: x`` is 2020-12's ``exclusiveMinimum: x``."""
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(schema.get(exclusive), bool):
            schema = dict(schema)
            if schema.pop(exclusive) and bound in schema:
                schema[exclusive] = schema.pop(bound)
    return schema


def _is_identifier(value: Any) -> bool:
    """A schema identifier (a URI or a pointer such as ``/properties/x``), not some tool's own id (``p1``)."""
    return isinstance(value, str) and (value.startswith(("/", "#")) or "://" in value or value.startswith("urn:"))


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
