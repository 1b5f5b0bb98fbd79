"""Plan-level settings of a spreadsheet plan: the key/value rows of its ``Plan`` sheet."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from protocol_kit.errors import PlanError
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.plan.tables import cells
from protocol_kit.plan.tables.columns import normal_header
from protocol_kit.plan.tables.table import Setting
from protocol_kit.suggest import did_you_mean
from protocol_kit.violation import Violation

# setting as export writes it -> (key path in the plan, how to read the cell, other spellings)
SETTINGS: dict[str, tuple[KeyPath, Callable[[Any], Any], tuple[str, ...]]] = {
    "plan": (("plan",), cells.text, ("name", "plan name")),
    "version": (("version",), cells.text, ("plan version",)),
    "description": (("description",), cells.text, ()),
    "event_names": (("conventions", "event_names"), cells.text, ("event naming", "event name convention")),
    "property_names": (("conventions", "property_names"), cells.text,
                       ("property naming", "property name convention")),
    "additional_properties": (("defaults", "additional_properties"), cells.flag, ()),
}
_BY_SPELLING = {normal_header(spelling): key for key, (_, _, others) in SETTINGS.items()
                for spelling in (key, *others)}


def apply_settings(raw: RawPlan, settings: Iterable[Setting]) -> None:
    """Write each setting into ``raw.data``; unknown settings become PL002 findings."""
    for setting in settings:
        key = _BY_SPELLING.get(normal_header(setting.key))
        if key is None:
            hint = did_you_mean(setting.key.lower(), SETTINGS, otherwise=f"; expected one of: {', '.join(SETTINGS)}")
            raw.findings.append(Violation.of("PL002", f"unknown plan setting '{setting.key}'{hint}",
                                             source=setting.location))
            continue
        path, read, _ = SETTINGS[key]
        try:
            value = read(setting.value)
        except ValueError as error:
            raise PlanError(f"{setting.key}: {error}", setting.location) from None
        target = raw.data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
        raw.locations[path] = setting.location
