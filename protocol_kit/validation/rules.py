"""Schema errors -> violations, in one table keyed by schema keyword.

Like python-jsonschema's own keyword -> rule functions, each entry turns one
:class:`SchemaError` into what a human reads: the code, the path inside the
payload, a one line message, and the expected and actual values (masked for
fields declared ``x-pii``). A keyword missing from the table is reported as
EV011. Errors of both validators (jsonschema-rs and python-jsonschema) are
first brought to the same :class:`SchemaError` shape (see schema_errors.py),
so both give the same violations. The codes the scanner reports too (EV002-EV006)
are worded by the one builder per code in :mod:`protocol_kit.messages`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from protocol_kit import messages, pointer as pointers
from protocol_kit.events.envelope import json_type
from protocol_kit.messages import Finding, label, quoted  # noqa: F401 (the validator's names for them)
from protocol_kit.pii.mask import mask_value
from protocol_kit.plan.patterns import pattern_matches


@dataclass(frozen=True, slots=True)
class SchemaError:
    """One failed keyword: where in the payload, the value found there, and the (sub)schema holding the keyword."""

    keyword: str
    path: tuple[Any, ...]  # for ``required``: the path of the missing property
    instance: Any
    schema: dict[str, Any]

    @property
    def value(self) -> Any:
        return self.schema.get(self.keyword)


Rule = Callable[[SchemaError, tuple[Any, ...]], Iterator[Finding]]


def findings_for(error: SchemaError) -> Iterator[Finding]:
    yield from RULES.get(error.keyword, _other)(error, error.path)


def pointer(path: Sequence[Any]) -> str:
    """A JSON pointer (RFC 6901) of a path inside the payload."""
    return pointers.join(path)


def _shown(error: SchemaError, value: Any) -> Any:
    """``value`` as it may appear in a report: masked when the schema declares personal data."""
    category = error.schema.get("x-pii")
    return mask_value(value, category if isinstance(category, str) else None) if category else value


def _type(error: SchemaError, path: tuple) -> Iterator[Finding]:
    yield messages.type_mismatch(path, error.value, json_type(error.instance))


def _required(error: SchemaError, path: tuple) -> Iterator[Finding]:
    # the reference validator puts the missing name at the end of the path (see reference.py)
    yield messages.missing_required(path)


def _unplanned(error: SchemaError, path: tuple) -> Iterator[Finding]:
    planned = list(error.schema.get("properties", {}))
    patterns = list(error.schema.get("patternProperties", {}))
    for name in error.instance:
        if name in planned or any(pattern_matches(p, name) for p in patterns):
            continue
        yield messages.unplanned_property((*path, name), planned)


def _enum(error: SchemaError, path: tuple) -> Iterator[Finding]:
    allowed = error.value if error.keyword == "enum" else [error.value]
    yield messages.value_not_allowed(path, allowed, _shown(error, error.instance), single=error.keyword == "const")


def _pattern(error: SchemaError, path: tuple) -> Iterator[Finding]:
    shown = _shown(error, error.instance)
    yield Finding("EV007", path, f"property '{label(path)}' should match {error.value}, "
                  f"got {quoted(shown)}", error.value, shown)


def _format(error: SchemaError, path: tuple) -> Iterator[Finding]:
    shown = _shown(error, error.instance)
    yield Finding("EV008", path, f"property '{label(path)}' should be a valid {error.value}, "
                  f"got {quoted(shown)}", error.value, shown)


_RANGE_WORDS = {"minimum": "at least", "maximum": "at most",
                "exclusiveMinimum": "greater than", "exclusiveMaximum": "less than"}


def _range(error: SchemaError, path: tuple) -> Iterator[Finding]:
    shown = _shown(error, error.instance)
    words = _RANGE_WORDS[error.keyword]
    yield Finding("EV009", path, f"property '{label(path)}' should be {words} {error.value}, "
                  f"got {quoted(shown)}", error.value, shown)


_LENGTH_WORDS = {"minLength": ("at least", "characters long"), "maxLength": ("at most", "characters long"),
                 "minItems": ("at least", "items"), "maxItems": ("at most", "items")}


def _length(error: SchemaError, path: tuple) -> Iterator[Finding]:
    bound, unit = _LENGTH_WORDS[error.keyword]
    size = len(error.instance)
    verb = "be" if unit == "characters long" else "have"
    yield Finding("EV010", path, f"property '{label(path)}' should {verb} {bound} {error.value} "
                  f"{unit}, got {size}", error.value, size)


def _other(error: SchemaError, path: tuple) -> Iterator[Finding]:
    yield Finding("EV011", path, f"property '{label(path)}' does not satisfy '{error.keyword}' "
                  f"({error.value!r}) of the schema", error.value, None)


def deprecated(event: str, path: tuple) -> Finding:
    what = f"event '{event}'" if not path else f"property '{label(path)}'"
    return Finding("EV012", path, f"{what} is deprecated in the plan")


RULES: dict[str, Rule] = {
    "type": _type,
    "required": _required,
    "additionalProperties": _unplanned,
    "enum": _enum,
    "const": _enum,
    "pattern": _pattern,
    "format": _format,
    "minimum": _range,
    "maximum": _range,
    "exclusiveMinimum": _range,
    "exclusiveMaximum": _range,
    "minLength": _length,
    "maxLength": _length,
    "minItems": _length,
    "maxItems": _length,
}
