"""The central table of finding codes.

Every finding protocol_kit reports (plan lint, event validation, personal
data, code scanning) carries one of these codes. A code has a family prefix
and digits (``EV003``), a kebab-case name, the kind it belongs to, a default
severity and three lines of documentation. ``protocol-kit explain`` and the
docs page of codes are generated from this table; configuration selects and
ignores codes by code or prefix.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    kind: str
    severity: str
    summary: str
    why: str
    fix: str


def _table(*codes: Code) -> dict[str, Code]:
    table = {c.code: c for c in codes}
    assert len(table) == len(codes), "duplicate code in the table"
    return table


CODES: dict[str, Code] = _table(
    # --- PL: plan lint -------------------------------------------------
    Code("PL001", "duplicate-key", "plan_structure", "error",
         "A key appears twice in the same YAML mapping.",
         "YAML loaders keep the last value silently, so the first definition is lost without a word.",
         "Remove or merge one of the two keys."),
    Code("PL002", "unknown-key", "plan_structure", "error",
         "A key the plan format does not know, often a typo such as `requried`.",
         "An unknown key is ignored by the compiler, so the rule it was meant to state is never enforced.",
         "Correct the spelling (the message suggests the closest known key) or remove the key."),
    Code("PL003", "unsupported-yaml-tag", "plan_structure", "error",
         "A value carries a YAML tag the plan format does not know, such as `!!python/name:os.system`.",
         "Such tags ask a YAML loader to build objects or run code; protocol_kit never does, and reads the value "
         "as plain text, which is not what the author meant.",
         "Remove the tag."),
    Code("PL101", "event-name-convention", "naming", "error",
         "An event name does not follow the plan's event naming convention.",
         "Mixed naming styles split one behaviour over several event names in every downstream tool.",
         "Rename the event to the plan's convention (object-action in Title Case by default: `Order Completed`)."),
    Code("PL102", "property-name-convention", "naming", "error",
         "A property name does not follow the plan's property naming convention.",
         "Inconsistent property names make the same attribute impossible to query across events.",
         "Rename the property to the plan's convention (snake_case by default)."),
    Code("PL201", "duplicate-event", "duplicate", "error",
         "Two events differ only in case, spacing or word separators.",
         "`Order Completed` and `order_completed` are counted as different events by every analytics tool.",
         "Keep one of the events and migrate the instrumentation of the other."),
    Code("PL202", "duplicate-property", "duplicate", "warning",
         "Two properties of one event differ only in case or word separators.",
         "Producers will send one or the other at random; neither is reliably present.",
         "Keep one name."),
    Code("PL203", "conflicting-property-type", "consistency", "warning",
         "The same property name has different types in different events.",
         "A column that is a number in one event and a string in another breaks warehouse schemas and joins.",
         "Use one type for the property everywhere, or rename one of them."),
    Code("PL301", "missing-event-description", "documentation", "warning",
         "An event has no description.",
         "Analysts cannot tell when the event fires or what it means.",
         "Add a `description` saying when the event is sent."),
    Code("PL302", "missing-property-description", "documentation", "warning",
         "A property has no description.",
         "Analysts cannot tell what the value means or where it comes from.",
         "Add a `description` to the property."),
    Code("PL401", "minimum-above-maximum", "contradiction", "error",
         "A lower bound is above the upper bound (`minimum`/`maximum` or `min_length`/`max_length`).",
         "No value can satisfy the property: every event carrying it is rejected.",
         "Swap or correct the bounds."),
    Code("PL402", "enum-type-mismatch", "contradiction", "error",
         "An allowed value is not of the property's declared type.",
         "The allowed value can never be sent; often a YAML surprise such as `yes` read as a boolean.",
         "Quote the value or change the property's type."),
    Code("PL403", "invalid-pattern", "contradiction", "error",
         "A `pattern` is not a regular expression of the supported dialect (ECMA-262 syntax, no lookaround or "
         "backreferences).",
         "Validators fail or behave differently on an invalid pattern; lookaround and backreferences need a "
         "backtracking engine, which hostile input can keep busy for hours.",
         "Fix the regular expression, or express the rule without lookaround and backreferences."),
    Code("PL404", "untyped-property", "contradiction", "error",
         "A property has constraints (such as `required`) but no type.",
         "Without a type the constraint cannot be checked consistently.",
         "Declare the property's `type`."),
    Code("PL405", "constraint-not-applicable", "contradiction", "warning",
         "A constraint does not apply to the property's type (such as `min_length` on a number).",
         "JSON Schema ignores the constraint for other types, so it is never checked.",
         "Remove the constraint or change the type."),
    Code("PL406", "nested-quantifier", "contradiction", "warning",
         "A `pattern` repeats a group that itself repeats, such as `^(a+)+$`.",
         "protocol_kit matches in linear time, but backtracking engines (in other tools reading the same schema) "
         "take exponential time on such a pattern with a near-miss input.",
         "Remove the nesting: `^a+$` matches what `^(a+)+$` does."),
    # --- EV: event validation ------------------------------------------
    Code("EV001", "malformed-event", "malformed_event", "error",
         "A record is not a JSON object with an event name or type.",
         "A malformed record cannot be routed to any schema; downstream tools drop it.",
         "Fix the producer so it sends a JSON object with `type` and `event` (or `type: identify`)."),
    Code("EV002", "unplanned-event", "unplanned_event", "error",
         "An event name that the tracking plan does not contain.",
         "Unplanned events are usually typos or forgotten plan updates; they split reports and break funnels.",
         "Use the planned name (the message suggests the closest one) or add the event to the plan."),
    Code("EV003", "missing-required-property", "missing_required", "error",
         "A property the plan marks as required is missing.",
         "Reports that group or filter by the property silently lose these events.",
         "Send the property on every call of the event."),
    Code("EV004", "type-mismatch", "type_mismatch", "error",
         "A value has a different type than the plan declares.",
         "Warehouse loads reject or coerce the value; sums and filters give wrong answers.",
         "Send the declared type (for example a number, not a numeric string)."),
    Code("EV005", "unplanned-property", "unplanned_property", "error",
         "A property that the plan does not declare for the event.",
         "Unplanned properties are usually typos of planned ones, or data nobody reviewed (including personal data).",
         "Rename it to the planned property or add it to the plan."),
    Code("EV006", "value-not-allowed", "invalid_value", "error",
         "A value is not one of the property's allowed values.",
         "Values outside the list create new, unexpected segments in every report.",
         "Send one of the allowed values, or extend the list in the plan."),
    Code("EV007", "pattern-mismatch", "invalid_value", "error",
         "A string does not match the property's pattern.",
         "Identifiers of the wrong shape fail joins and lookups.",
         "Send a value of the planned shape."),
    Code("EV008", "invalid-format", "invalid_value", "error",
         "A string is not of the declared format (date-time, date, email, uri, uuid).",
         "Malformed dates and ids cannot be parsed downstream.",
         "Send the value in the declared format (ISO 8601 for dates)."),
    Code("EV009", "value-out-of-range", "invalid_value", "error",
         "A number is below the minimum or above the maximum.",
         "Out-of-range values usually mean a unit mistake (cents for dollars) or a bug.",
         "Check the units and the computation of the value."),
    Code("EV010", "invalid-length", "invalid_value", "error",
         "A string or array is shorter or longer than allowed.",
         "Values of the wrong length are truncated or rejected downstream.",
         "Send a value within the planned length."),
    Code("EV011", "schema-violation", "invalid_value", "error",
         "A value breaks another rule of the compiled schema.",
         "The event does not match the plan.",
         "Compare the payload with the schema named in the message."),
    Code("EV012", "deprecated-event", "deprecated", "warning",
         "An event or property the plan marks as deprecated is still sent.",
         "Deprecated data is on its way out of reports and may stop being loaded.",
         "Move the instrumentation to the replacement named in the plan."),
    # --- PII: personal data ----------------------------------------------
    Code("PII001", "pii-detected", "pii_detected", "error",
         "Personal data was found where the plan does not declare it.",
         "Personal data in analytics tools is a privacy and compliance risk, and hard to delete once sent.",
         "Remove the value, hash it, or declare the property with `pii:` if collecting it is intended."),
    Code("PII002", "undeclared-pii-property", "pii_detected", "warning",
         "A planned property looks personal by its name but has no `pii:` declaration.",
         "Undeclared personal data escapes masking, retention and deletion rules.",
         "Add `pii: <category>` to the property, or `pii: false` if it is not personal."),
    Code("PII003", "undeclared-high-sensitivity-property", "pii_detected", "error",
         "A planned property of a high-sensitivity category (email, phone, card, credential...) has no `pii:` declaration.",
         "Highly sensitive data collected without a declaration escapes every masking, retention and deletion rule.",
         "Declare the property with `pii: <category>` and review whether it must be collected at all."),
    # --- SC: instrumentation code scanning --------------------------------
    Code("SC001", "dynamic-event-name", "dynamic_event_name", "error",
         "An event name is built at run time (template string, f-string, concatenation).",
         "Event names built at run time cannot be checked against the plan and explode event counts.",
         "Use one literal event name per call and pass the varying part as a property."),
    Code("SC002", "dynamic-property-name", "dynamic_property_name", "warning",
         "A property key is computed at run time.",
         "Computed keys cannot be checked against the plan.",
         "Use literal property keys."),
    Code("SC003", "unused-suppression", "suppression", "warning",
         "A `protocol-kit: ignore[...]` comment suppresses nothing.",
         "Stale suppressions hide future findings on the line.",
         "Remove the comment or the code it names."),
    Code("SC004", "unparsable-source", "source", "warning",
         "A source file has syntax errors; only the calls that could be read were checked.",
         "Tracking calls in the unreadable part were not checked.",
         "Fix the syntax error."),
    Code("SC005", "skipped-file", "source", "info",
         "A file was not scanned (binary, minified, too large or not decodable).",
         "Tracking calls in the file were not checked.",
         "Exclude the file from the scan or split it."),
    Code("SC006", "untracked-event", "coverage", "warning",
         "A planned event is never tracked in the scanned code.",
         "The event will never arrive; reports built on it stay empty.",
         "Instrument the event or mark it deprecated in the plan."),
    Code("SC007", "non-utf8-source", "source", "warning",
         "A source file is not valid UTF-8; undecodable bytes were replaced before scanning.",
         "String literals near the replaced bytes may not match the plan as written.",
         "Save the file as UTF-8."),
)


def get(code: str) -> Code:
    try:
        return CODES[code]
    except KeyError:
        raise KeyError(f"unknown code {code!r}") from None


def by_name(name: str) -> Code | None:
    return next((c for c in CODES.values() if c.name == name), None)


def matches(code: str, selectors: Iterable[str]) -> bool:
    """True when ``code`` equals one of ``selectors`` or starts with one (a prefix such as ``PL1``)."""
    return any(code.startswith(s.upper()) for s in selectors)


def is_selected(code: str, *, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """Ruff-style selection: the longest matching selector wins, ``ignore`` wins ties."""
    def longest(selectors: Iterable[str]) -> int:
        return max((len(s) for s in selectors if code.startswith(s.upper())), default=-1)

    selected = longest(select) if select else 0
    ignored = longest(ignore)
    return selected >= 0 and selected > ignored
