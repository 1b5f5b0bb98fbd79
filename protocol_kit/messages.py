"""One message builder per code that both the validator and the scanner report (EV002-EV006).

The validator builds these findings from schema errors of a payload
(validation/rules.py, validation/checks.py), the scanner from the literal
arguments of a tracking call (scan/check.py); both call the builders here, so
one problem reads the same, with the same path, expected and actual values,
wherever it was found. A path is the place inside the payload, as keys and
array indices (``("properties", "products", 0, "sku")``); values that may be
personal data are masked by the caller before they get here.
"""
from __future__ import annotations

from typing import Any, Iterable, NamedTuple, Sequence

from protocol_kit.spec import PAYLOAD_FIELDS
from protocol_kit.suggest import closest, hint


class Finding(NamedTuple):
    """What one check says about one place of a payload, before the event's context is added."""

    code: str
    path: tuple[Any, ...]
    message: str
    expected: Any = None
    actual: Any = None


def unplanned_event(name: str, planned: Iterable[str]) -> Finding:
    """EV002: ``unplanned event 'Order Complete' (did you mean 'Order Completed'?)``."""
    best = closest(name, planned)
    return Finding("EV002", (), f"unplanned event '{name}'{hint(best)}", best, name)


def missing_required(path: tuple[Any, ...]) -> Finding:
    """EV003: ``required property 'quantity' is missing``; ``path`` ends with the missing name."""
    return Finding("EV003", path, f"required property '{label(path)}' is missing", path[-1] if path else None)


def type_mismatch(path: tuple[Any, ...], expected: str | list[str], got: str) -> Finding:
    """EV004: ``property 'total' should be a number, got string``; ``expected`` is the schema's ``type``."""
    wanted = " or ".join(expected) if isinstance(expected, list) else expected
    return Finding("EV004", path, f"property '{label(path)}' should be {article(wanted)}, got {got}", expected, got)


def unplanned_property(path: tuple[Any, ...], planned: Iterable[str]) -> Finding:
    """EV005: ``unplanned property 'colour' (did you mean 'color'?)``; ``path`` ends with the property's name."""
    name = path[-1]
    best = closest(name, planned)
    return Finding("EV005", path, f"unplanned property '{label(path)}'{hint(best)}", best, name)


def value_not_allowed(path: tuple[Any, ...], allowed: Sequence[Any], shown: Any, *, single: bool = False) -> Finding:
    """EV006: ``property 'currency' should be one of 'USD', 'EUR', got 'usd'`` (``single``: a ``const``)."""
    choices = ", ".join(quoted(v) for v in allowed)
    wording = f"be {choices}" if single else f"be one of {choices}"
    return Finding("EV006", path, f"property '{label(path)}' should {wording}, got {quoted(shown)}",
                   list(allowed), shown)


def label(path: Sequence[Any]) -> str:
    """A short name for a place in the payload: ``total``, ``products[0].quantity``, ``context.locale``."""
    parts = list(path[1:] if len(path) > 1 and path[0] in PAYLOAD_FIELDS else path)
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "event"


def article(type_name: str) -> str:
    return f"an {type_name}" if type_name[:1] in "aeiou" else f"a {type_name}"


def quoted(value: Any) -> str:
    """A value as messages show it: strings quoted (long ones cut), objects and arrays by their type."""
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return f"'{text}'"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
