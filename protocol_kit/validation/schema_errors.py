"""Errors of jsonschema-rs and of python-jsonschema, brought to one :class:`SchemaError` shape."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from protocol_kit.validation.rules import SchemaError

if TYPE_CHECKING:
    import jsonschema


def from_compiled(error: Any, root: dict[str, Any]) -> SchemaError:
    """A jsonschema-rs ``ValidationError`` (its ``schema_path`` ends with the keyword)."""
    *where, keyword = error.schema_path
    schema = root
    for part in where:
        schema = schema[part]
    path = tuple(error.instance_path)
    if keyword == "required":
        path = (*path, error.kind.property)
    return SchemaError(keyword=str(keyword), path=path, instance=error.instance, schema=schema)


def from_reference(error: "jsonschema.ValidationError") -> SchemaError:
    """A python-jsonschema error (from :func:`reference_validator`: ``required`` errors carry the name in the path)."""
    return SchemaError(keyword=error.validator, path=tuple(error.absolute_path), instance=error.instance,
                       schema=error.schema if isinstance(error.schema, dict) else {})
