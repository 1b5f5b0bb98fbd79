"""PL401-PL406: constraints that contradict each other, the type, or themselves."""
from __future__ import annotations

from typing import Any, Iterator

from protocol_kit.plan.model import ANY_TYPE, SCALAR_TYPES, Event, Plan, Property
from protocol_kit.plan.patterns import has_nested_quantifier, pattern_problem
from protocol_kit.plan.walk import iter_properties
from protocol_kit.violation import Violation

STRING_TYPES = tuple(t for t, (json_type, _) in SCALAR_TYPES.items() if json_type == "string")
NUMBER_TYPES = ("integer", "number")
# constraint -> the plan types it applies to
APPLIES_TO = {
    "pattern": STRING_TYPES,
    "format": STRING_TYPES,
    "min_length": STRING_TYPES,
    "max_length": STRING_TYPES,
    "minimum": NUMBER_TYPES,
    "maximum": NUMBER_TYPES,
}
UNTYPED_CONSTRAINTS = ("required", *APPLIES_TO)
YAML_BOOLEAN_HINT = " (YAML reads unquoted yes, no, on, off, true and false as booleans: quote the value)"


def _each(plan: Plan) -> Iterator[tuple[Event, str, Property]]:
    for event in plan.events:
        for pointer, prop in iter_properties(event):
            yield event, pointer, prop
            if prop.items is not None:
                yield event, f"{pointer}/*", prop.items


def _finding(code: str, message: str, event: Event, pointer: str, prop: Property, **fields: Any) -> Violation:
    return Violation.of(code, message, event=event.name, event_type=event.call, path=pointer,
                        source=prop.location, **fields)


def bounds(plan: Plan) -> Iterator[Violation]:
    for event, pointer, prop in _each(plan):
        for low, high in (("minimum", "maximum"), ("min_length", "max_length")):
            lower, upper = getattr(prop, low), getattr(prop, high)
            if lower is not None and upper is not None and lower > upper:
                yield _finding("PL401", f"'{prop.name}': {low} {lower} is above {high} {upper}; no value can pass",
                               event, pointer, prop)


def enum_types(plan: Plan) -> Iterator[Violation]:
    for event, pointer, prop in _each(plan):
        for value in prop.enum or ():
            if not _is_of_type(value, prop):
                hint = YAML_BOOLEAN_HINT if isinstance(value, bool) and prop.type in STRING_TYPES else ""
                yield _finding("PL402", f"'{prop.name}': allowed value {value!r} is not of type {prop.type}{hint}",
                               event, pointer, prop, expected=prop.type, actual=value)


def _is_of_type(value: Any, prop: Property) -> bool:
    if value is None:
        return prop.nullable
    if prop.type in STRING_TYPES:
        return isinstance(value, str)
    if prop.type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if prop.type == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if prop.type == "boolean":
        return isinstance(value, bool)
    return True


def patterns(plan: Plan) -> Iterator[Violation]:
    for event, pointer, prop in _each(plan):
        if prop.pattern is None:
            continue
        problem = pattern_problem(prop.pattern)
        if problem is not None:
            yield _finding("PL403", f"'{prop.name}': pattern {prop.pattern!r} is {problem}",
                           event, pointer, prop, actual=prop.pattern)


def nested_quantifiers(plan: Plan) -> Iterator[Violation]:
    """Patterns of the accepted dialect whose quantifiers nest (``(a+)+``): slow in backtracking engines."""
    for event, pointer, prop in _each(plan):
        if prop.pattern is not None and pattern_problem(prop.pattern) is None and has_nested_quantifier(prop.pattern):
            yield _finding("PL406", f"'{prop.name}': pattern {prop.pattern!r} nests quantifiers, which takes "
                                    "exponential time in backtracking regex engines", event, pointer, prop,
                           actual=prop.pattern)


def untyped(plan: Plan) -> Iterator[Violation]:
    for event, pointer, prop in _each(plan):
        if prop.type != ANY_TYPE:
            continue
        used = [key for key in UNTYPED_CONSTRAINTS if getattr(prop, key) not in (None, False)]
        if used:
            yield _finding("PL404", f"'{prop.name}' has {', '.join(used)} but no type", event, pointer, prop)


def not_applicable(plan: Plan) -> Iterator[Violation]:
    for event, pointer, prop in _each(plan):
        if prop.type == ANY_TYPE:
            continue
        for key, types in APPLIES_TO.items():
            if getattr(prop, key) is not None and prop.type not in types:
                yield _finding("PL405", f"'{prop.name}': {key} does not apply to type {prop.type} "
                                        f"(only to {', '.join(types)})", event, pointer, prop)


RULES = [bounds, enum_types, patterns, untyped, not_applicable]
