"""The columns of a spreadsheet plan and the header spellings each accepts.

Headers match ignoring case, spaces, underscores and hyphens, so ``Event
Name``, ``event_name`` and ``EVENT NAME`` all name the ``Event`` column.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from protocol_kit.errors import PlanError
from protocol_kit.suggest import hint
from protocol_kit.violation import Location, Violation


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the name used in code
    header: str  # the spelling written by export
    aliases: tuple[str, ...] = ()


# Export writes the first thirteen; the others appear only when a plan uses them.
COLUMNS = (
    Column("event", "Event", ("Event Name",)),
    Column("event_description", "Event Description", ("Event Desc",)),
    Column("property", "Property", ("Property Name", "Trait", "Field", "Property Path")),
    Column("type", "Type", ("Data Type", "Property Type", "Value Type")),
    Column("required", "Required", ("Is Required", "Mandatory")),
    Column("enum", "Allowed Values", ("Permitted Values", "Enum", "Enum Values", "Accepted Values", "Values")),
    Column("description", "Description", ("Property Description",)),
    Column("pii", "PII", ("Personal Data", "Is PII")),
    Column("pattern", "Pattern", ("Regex",)),
    Column("minimum", "Minimum", ("Min", "Min Value")),
    Column("maximum", "Maximum", ("Max", "Max Value")),
    Column("owner", "Owner", ("Event Owner", "Team")),
    Column("status", "Status", ("Event Status",)),
    Column("nullable", "Nullable"),
    Column("min_length", "Min Length"),
    Column("max_length", "Max Length"),
    Column("format", "Format"),
    Column("examples", "Examples", ("Example",)),
    Column("deprecated", "Deprecated"),
    Column("additional_properties", "Additional Properties"),
    Column("version", "Version", ("Event Version",)),
    Column("json_schema", "JSON Schema"),  # raw keywords of the property, a JSON object
    Column("labels", "Event Labels"),  # a JSON object of strings
    Column("event_json_schema", "Event JSON Schema"),
)
STANDARD_COLUMNS = COLUMNS[:13]
BY_KEY = {c.key: c for c in COLUMNS}
REQUIRED_COLUMNS = ("event",)


def normal_header(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text).lower()


_BY_HEADER = {normal_header(spelling): c.key for c in COLUMNS for spelling in (c.header, *c.aliases)}


def match_headers(headers: list[str], *, where: Location) -> tuple[dict[str, int], list[Violation]]:
    """Column key -> position (0-based) for known headers, and PL002 findings for headers that look like typos.

    Other unknown headers (notes, ticket links) are kept out of the plan silently.
    """
    positions: dict[str, int] = {}
    findings: list[Violation] = []
    for position, header in enumerate(headers):
        if not header:
            continue
        key = _BY_HEADER.get(normal_header(header))
        cell = Location(file=where.file, sheet=where.sheet, row=where.row, column=position + 1)
        if key is None:
            close = difflib.get_close_matches(normal_header(header), list(_BY_HEADER), n=1, cutoff=0.8)
            if close:
                findings.append(Violation.of(
                    "PL002", f"unknown column '{header}'{hint(BY_KEY[_BY_HEADER[close[0]]].header)}", source=cell))
            continue
        if key in positions:
            raise PlanError(f"two columns mean '{BY_KEY[key].header}': '{headers[positions[key]]}' "
                            f"and '{header}'", cell)
        positions[key] = position
    missing = [BY_KEY[k].header for k in REQUIRED_COLUMNS if k not in positions]
    if missing:
        found = ", ".join(f"'{h}'" for h in headers if h) or "none"
        raise PlanError(f"no '{missing[0]}' column; headers found: {found}; expected: "
                        + ", ".join(c.header for c in STANDARD_COLUMNS), where)
    return positions, findings
