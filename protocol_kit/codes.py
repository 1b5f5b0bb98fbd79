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
    Code("EV013", "unknown-event-version", "unknown_version", "warning",
         "An event names a version (`context.protocols.event_version`) that the plan does not have.",
         "The event is checked against the fallback version instead, which may not be what its producer follows.",
         "Send a planned version, or add the version to the event's `versions:` in the plan."),
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
         "A file was not scanned (binary, minified, too large, unreadable, a dangling link or not a regular file).",
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
    Code("SC008", "unresolved-event-name", "dynamic_event_name", "error",
         "The event name of a tracking call could not be worked out (`--strict`).",
         "A name the scanner cannot resolve is not checked against the plan, and coverage cannot count it.",
         "Use a literal or a constant defined in the scanned project, or configure the call's shape."),
    Code("SC009", "grammar-limitation", "source", "info",
         "A construct the pinned tree-sitter grammar cannot read, in a file the compiler may accept.",
         "The tracking calls inside the construct may not have been read.",
         "Nothing to fix in the file; the finding names the grammar and its version."),
    # --- DF: plan changes (protocol-kit diff) ------------------------------
    Code("DF001", "event-added", "event_change", "info",
         "An event is in the new plan and not in the old one.",
         "Nothing sent today breaks; the event is new to producers and consumers.",
         "Nothing to fix; the changelog lists it."),
    Code("DF002", "event-removed", "event_change", "error",
         "An event of the old plan is not in the new one.",
         "Producers still sending it get unplanned-event errors (blocked or quarantined where enforced), "
         "and reports built on it stop receiving data.",
         "Deprecate the event first (`status: deprecated`) and remove it once nothing sends it."),
    Code("DF003", "event-renamed", "event_change", "error",
         "An event was removed and an event of the same shape with a close name added: possibly a rename.",
         "Producers sending the old name fail validation, and every report keyed on the old name loses its data.",
         "Keep the old event (deprecated) while producers move, or accept the change in the ignore file."),
    Code("DF004", "deprecated", "status_change", "warning",
         "An event or property is now deprecated.",
         "Reports built on it should move to its replacement before it is removed.",
         "Tell the event's consumers; remove it once nothing sends it."),
    Code("DF005", "undeprecated", "status_change", "info",
         "A deprecated event or property is active again.",
         "Nothing breaks.",
         "Nothing to fix."),
    Code("DF006", "event-version-added", "event_change", "info",
         "A versioned event has a new version.",
         "Producers that send no version or an older one are still checked against the version they follow.",
         "Nothing to fix; producers adopt the version by sending `context.protocols.event_version`."),
    Code("DF007", "event-version-removed", "event_change", "error",
         "A version of an event was removed.",
         "Producers sending that version are checked against the fallback version instead, and may fail.",
         "Keep the version until nothing sends it."),
    Code("DF101", "property-added", "property_change", "info",
         "An optional property was added to a closed object.",
         "Events sent under the old plan cannot carry it (the object was closed), so all of them stay valid.",
         "Nothing to fix."),
    Code("DF102", "property-added-to-open-object", "property_change", "warning",
         "An optional property was added to an object that accepts unplanned properties.",
         "Old producers may already send a property of that name with other values, which now fail validation.",
         "Check what producers sent under that name, or accept the change in the ignore file."),
    Code("DF103", "required-property-added", "property_change", "error",
         "A required property was added.",
         "Existing instrumentation does not send it: its events now fail validation.",
         "Add the property as optional, or add a new version of the event that requires it."),
    Code("DF104", "property-removed", "property_change", "error",
         "A property was removed from a closed object.",
         "Producers still sending it get unplanned-property errors, and models reading its column break.",
         "Deprecate the property first and remove it once nothing sends it."),
    Code("DF105", "property-removed-from-open-object", "property_change", "warning",
         "A property was removed from an object that accepts unplanned properties.",
         "Events carrying it still validate, but it is no longer documented and models reading it may break.",
         "Tell the consumers of the event, or deprecate the property first."),
    Code("DF106", "property-renamed", "property_change", "error",
         "A property was removed and one of the same shape with a close name added: possibly a rename.",
         "Producers sending the old name fail validation where the object is closed, and models reading the "
         "old column lose their data.",
         "Keep the old property (deprecated) while producers move, or accept the change in the ignore file."),
    Code("DF107", "property-made-required", "property_change", "error",
         "An optional property is now required.",
         "Events sent without it, by instrumentation written for the old plan, now fail validation.",
         "Keep it optional, or add a new version of the event that requires it."),
    Code("DF108", "property-made-optional", "property_change", "warning",
         "A required property is now optional.",
         "Models and dashboards that rely on the value being present meet missing values.",
         "Tell the consumers of the event; handle missing values downstream."),
    Code("DF109", "nullable-added", "property_change", "warning",
         "A property now accepts null.",
         "Models that assume a value meet nulls.",
         "Tell the consumers of the event; handle nulls downstream."),
    Code("DF110", "nullable-removed", "property_change", "error",
         "A property no longer accepts null.",
         "Producers sending null now fail validation.",
         "Keep null allowed until producers stop sending it."),
    Code("DF201", "type-narrowed", "type_change", "error",
         "A property's type is narrower (number to integer, string to email, any to string...).",
         "Values producers send today under the wider type now fail validation.",
         "Keep the wider type, or add a new version of the event."),
    Code("DF202", "type-widened", "type_change", "warning",
         "A property's type is wider (integer to number, email to string...).",
         "Producers are fine, but warehouse columns and models typed for the old values meet new ones.",
         "Tell the consumers of the event; widen the column downstream."),
    Code("DF203", "type-changed", "type_change", "error",
         "A property's type changed to an unrelated one (string to number...).",
         "Values sent today fail validation, and every model reading the column breaks.",
         "Add a new property (or a new version of the event) instead of changing the type."),
    Code("DF204", "enum-values-added", "constraint_change", "warning",
         "A property allows more values.",
         "Producers are fine, but models and dashboards mapping each known value meet new ones.",
         "Tell the consumers of the event."),
    Code("DF205", "enum-values-removed", "constraint_change", "error",
         "A property allows fewer values.",
         "Producers still sending a removed value now fail validation.",
         "Keep the values until nothing sends them."),
    Code("DF206", "constraint-tightened", "constraint_change", "error",
         "A pattern, format, minimum, maximum, length or allowed-values constraint is stricter.",
         "Values producers send today may now fail validation.",
         "Check what producers send before tightening, or add a new version of the event."),
    Code("DF207", "constraint-loosened", "constraint_change", "warning",
         "A pattern, format, minimum, maximum, length or allowed-values constraint is looser.",
         "Producers are fine, but models relying on the old bounds meet values outside them.",
         "Tell the consumers of the event."),
    Code("DF208", "constraint-changed", "constraint_change", "error",
         "A pattern or format changed to one that is neither stricter nor looser.",
         "Values valid today may fail, and models relying on the old shape meet new ones.",
         "Check what producers send, or add a new version of the event."),
    Code("DF209", "additional-properties-allowed", "constraint_change", "warning",
         "An object now accepts unplanned properties.",
         "Producers are fine, but unreviewed data (personal data included) can now reach every tool.",
         "Prefer planning each property."),
    Code("DF210", "additional-properties-refused", "constraint_change", "error",
         "An object no longer accepts unplanned properties.",
         "Producers sending properties the plan does not list now fail validation.",
         "Plan every property producers send before closing the object."),
    Code("DF301", "pii-declared", "pii_change", "warning",
         "A property is now declared personal data (`pii:`).",
         "Masking, retention and deletion rules now apply to it: models and exports may need to change.",
         "Tell the consumers and the privacy owner of the data."),
    Code("DF302", "pii-declaration-removed", "pii_change", "warning",
         "A property lost its `pii:` declaration.",
         "Personal data in it escapes masking, retention and deletion rules, and validation with --pii flags it.",
         "Declare `pii: false` if it holds no personal data, or keep the declaration."),
    Code("DF303", "pii-category-changed", "pii_change", "warning",
         "A property's personal data category changed.",
         "Masking, retention and deletion rules of the other category apply.",
         "Tell the consumers and the privacy owner of the data."),
    Code("DF401", "description-changed", "documentation_change", "info",
         "A description changed.",
         "Nothing breaks; readers of the plan see the new text.",
         "Nothing to fix."),
    Code("DF402", "owner-changed", "documentation_change", "info",
         "An event's owner changed.",
         "Nothing breaks; questions about the event go to the new owner.",
         "Nothing to fix."),
    Code("DF501", "version-not-bumped", "version_gate", "error",
         "The plan's version does not grow as much as its changes require (--require-version-bump).",
         "Consumers reading the version cannot tell that the plan broke compatibility.",
         "Set the version the message names: a major bump (MODEL in SchemaVer) for changes that break "
         "producers, at least a minor one (REVISION or ADDITION) for other changes."),
    Code("DF502", "expired-ignore-entry", "ignore_file", "warning",
         "An entry of the diff ignore file is past its `expires` date; the change it accepted is reported again.",
         "An accepted change was meant to be revisited by that date.",
         "Remove the entry, or extend its `expires` date with a reason."),
    Code("DF503", "unused-ignore-entry", "ignore_file", "info",
         "An entry of the diff ignore file matches no change.",
         "Stale entries would hide a future change of the same kind.",
         "Remove the entry."),
    # --- CG: code generation ---------------------------------------------
    Code("CG001", "regex-dialect-difference", "codegen", "warning",
         "A `pattern` uses regular expression syntax that Python and JavaScript read differently.",
         "The generated TypeScript client checks patterns with JavaScript's RegExp and the Python side with "
         "protocol_kit's validator, so the same value can pass in one and fail in the other.",
         "Write the pattern with syntax both understand: `[0-9]` for `\\d`, `[A-Za-z0-9_]` for `\\w`, `^`/`$` anchors."),
    # --- IM: importing and exporting other tools' plans -------------------
    Code("IM001", "kept-raw-schema", "import", "info",
         "A JSON Schema construct the plan format has no key for (`oneOf`, `if`/`then`, `not`, `const`...) was kept "
         "as raw `json_schema:` in the plan, compiled as it came.",
         "The construct is still enforced, but lint, diff and the spreadsheet formats cannot reason about it.",
         "Nothing to do; rewrite it with plan keys where one fits (an `enum` for a `const`) to get their checks."),
    Code("IM002", "dropped-on-import", "import", "warning",
         "Something in the source plan has no place in the plan format and was dropped on import.",
         "The imported plan does not check or record it, so it is lost when the plan is written back.",
         "Add the rule to the imported plan by hand, or keep the source plan for it."),
    Code("IM003", "kept-as-extension", "export", "info",
         "A plan construct the target format cannot hold was written as an `x-protocol-kit-...` extension "
         "(or a label) that the target tool ignores.",
         "The target tool does not enforce it; importing the file again restores it.",
         "Nothing to do, or drop the construct from the plan if the target tool must enforce everything."),
    Code("IM004", "dropped-on-export", "export", "warning",
         "A plan construct the target format cannot hold was left out of the exported file.",
         "The exported plan says less than the plan: the target tool will not check it.",
         "Keep the plan as the source of truth, or express the rule in a way the target format holds."),
    Code("IM005", "unresolved-reference", "import", "error",
         "A reference in the source plan (`$ref`, `#property:...`, a custom type or dictionary) names nothing "
         "in the files given.",
         "The referenced definition is missing, so the property was imported without it (as any value).",
         "Give the file that defines it as another source, or fix the reference."),
    Code("IM006", "mapped-approximately", "import", "info",
         "A construct of the source plan was mapped onto the closest plan construct (a screen view named after "
         "its screen becomes an event, a union of types becomes any value...).",
         "The imported plan checks what the source plan checked, but says it in a different shape.",
         "Review the mapping in the import report; the label kept on the event restores it on export."),
    Code("IM007", "template-placeholder", "import", "warning",
         "A value of the source plan is an unfilled template placeholder such as `{{ .NAME }}`.",
         "The source tool fills it at deploy time; the imported plan holds the placeholder itself.",
         "Replace the placeholder with its value in the imported plan."),
)


def get(code: str) -> Code:
    try:
        return CODES[code]
    except KeyError:
        raise KeyError(f"unknown code {code!r}") from None


_RANK = {code: rank for rank, code in enumerate(CODES)}


def rank(code: str) -> int:
    """The position of ``code`` in the table (unknown codes last)."""
    return _RANK.get(code, len(_RANK))


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
