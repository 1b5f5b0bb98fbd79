"""Schema errors -> violations, in one table keyed by schema keyword.

Like python-jsonschema's own keyword -> rule functions, each entry turns one
:class:`SchemaError` into what a human reads: the code, the path inside the
payload, a one line message, and the expected and actual values (masked for
fields declared ``x-pii``). A keyword missing from the table is reported as
EV011. Errors of both validators (jsonschema-rs and python-jsonschema) are
first brought to the same :class:`SchemaError` shape (see schema_errors.py),
so both give the same violations.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from protocol_kit import pointer as pointers
from protocol_kit.events.envelope import json_type
from protocol_kit.pii.mask import mask_value
from protocol_kit.spec import PAYLOAD_FIELDS
from protocol_kit.suggest import closest, hint
from protocol_kit.plan.patterns import pattern_matches


@dataclass(frozen=True, slots=True)
class Finding:
    """What one rule says about one error, before the event's context is added."""

    code: str
    path: tuple[Any, ...]
    message: str
    expected: Any = None
    actual: Any = None


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


def label(path: Sequence[Any]) -> str:
    """A short name for a place in the payload: ``total``, ``products[0].quantity``, ``context.locale``."""
    parts = list(path[1:] if len(path) > 1 and path[0] in PAYLOAD_FIELDS else path)
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "event"


def _shown(error: SchemaError, value: Any) -> Any:
    """``value`` as it may appear in a report: masked when the schema declares personal data."""
    category = error.schema.get("x-pii")
    return mask_value(value, category if isinstance(category, str) else None) if category else value


def _type(error: SchemaError, path: tuple) -> Iterator[Finding]:
    expected = error.value
    wanted = " or ".join(expected) if isinstance(expected, list) else expected
    got = json_type(error.instance)
    yield Finding("EV004", path, f"property '{label(path)}' should be {_article(wanted)}, got {got}", expected, got)


def _required(error: SchemaError, path: tuple) -> Iterator[Finding]:
    # the reference validator puts the missing name at the end of the path (see reference.py)
    yield Finding("EV003", path, f"required property '{label(path)}' is missing", path[-1] if path else None)


def _unplanned(error: SchemaError, path: tuple) -> Iterator[Finding]:
    planned = list(error.schema.get("properties", {}))
    patterns = list(error.schema.get("patternProperties", {}))
    for name in error.instance:
        if name in planned or any(pattern_matches(p, name) for p in patterns):
            continue
        where = (*path, name)
        best = closest(name, planned)
        yield Finding("EV005", where, f"unplanned property '{label(where)}'{hint(best)}", best, name)


def _enum(error: SchemaError, path: tuple) -> Iterator[Finding]:
    allowed = error.value if error.keyword == "enum" else [error.value]
    shown = _shown(error, error.instance)
    choices = ", ".join(quoted(v) for v in allowed)
    wording = f"be one of {choices}" if error.keyword == "enum" else f"be {choices}"
    yield Finding("EV006", path, f"property '{label(path)}' should {wording}, got {quoted(shown)}", allowed, shown)


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


def _article(type_name: str) -> str:
    return f"an {type_name}" if type_name[:1] in "aeiou" else f"a {type_name}"


def quoted(value: Any) -> str:
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return f"'{text}'"
    if isinstance(value, (dict, list)):
        return json_type(value)
    return "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
