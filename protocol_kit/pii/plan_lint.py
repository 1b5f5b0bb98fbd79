"""Plan lint for personal data: planned properties that look personal but are not declared.

A property whose name is personal data (by :func:`match_name`) and that
has no ``pii:`` key is reported as PII002 (``info`` for low-sensitivity
categories such as ``country``), or as PII003, an error, when the category
is of high sensitivity (an email, a card number, a password...).
"""
from __future__ import annotations

from typing import Iterator

from protocol_kit import pointer as json_pointer
from protocol_kit.pii.categories import CATEGORIES
from protocol_kit.pii.detect import root_context_names
from protocol_kit.pii.names import NameMatch, match_name
from protocol_kit.pii.rules import DEFAULT_RULES, PiiRules
from protocol_kit.plan.lint import BoundRule
from protocol_kit.plan.model import Plan, Property
from protocol_kit.violation import Violation


def personal_data_rules(pii: PiiRules | None) -> tuple[BoundRule, ...]:
    """Undeclared personal properties (PII002, PII003) as plan lint rules, judged by the name classifier and ``pii``."""
    return (BoundRule(codes=("PII002", "PII003"), rule=lambda plan: plan_pii_findings(plan, rules=pii)),)


def plan_pii_findings(plan: Plan, *, rules: PiiRules | None = None) -> list[Violation]:
    """PII002/PII003 violations for the undeclared personal properties of ``plan``."""
    rules = rules or DEFAULT_RULES
    found = [_violation(prop, match, pointer, None)
             for prop, match, pointer, dotted in _walk(plan.common, (), rules)
             if not rules.is_expected(dotted) and not _allowed(rules, None, dotted, match)]
    for event in plan.events:
        root = event.payload_field
        found.extend(_violation(prop, match, pointer, event.name)
                     for prop, match, pointer, dotted in _walk(event.properties, (root,), rules, call=event.call)
                     if not _allowed(rules, event.name, dotted, match))
    return found


def _allowed(rules: PiiRules, event: str | None, dotted: str, match: NameMatch) -> bool:
    return any(entry.value is None and entry.matches(event, dotted, match.category, "") for entry in rules.allow)


def _walk(properties: tuple[Property, ...], parents: tuple[str, ...], rules: PiiRules, *, call: str = "track"
          ) -> Iterator[tuple[Property, NameMatch, str, str]]:
    names = root_context_names({"type": call})  # a group call's traits describe a company
    stack = [(properties, parents)]
    while stack:
        siblings, parents = stack.pop()
        for prop in siblings:
            path = (*parents, prop.name)
            if prop.properties:
                stack.append((prop.properties, path))
            if prop.items is not None and prop.items.properties:
                stack.append((prop.items.properties, (*path, "*")))
            match = _undeclared_match(prop, siblings, (names.get(parents[0], parents[0]), *parents[1:])
                                      if parents else parents, rules)
            if match is not None:
                yield prop, match, "/" + "/".join(json_pointer.escape(p) for p in path), _dotted(path)


def _undeclared_match(prop: Property, siblings: tuple[Property, ...], parents: tuple[str, ...],
                      rules: PiiRules) -> NameMatch | None:
    if prop.pii is not None or prop.type == "boolean" or prop.type == "object":
        return None
    if prop.items is not None and (prop.items.properties or prop.items.type == "boolean"):
        return None
    context = tuple(p for p in parents if p != "*")
    match = match_name(prop.name, context, rules=rules)
    if match is not None and match.strength == "pair":
        partners = (match_name(s.name, context, rules=rules) for s in siblings if s is not prop)
        if not any(m is not None and m.category == match.category for m in partners):
            return None
    return match


def _violation(prop: Property, match: NameMatch, pointer: str, event: str | None) -> Violation:
    description = CATEGORIES[match.category].description.rstrip(".").lower() \
        if match.category in CATEGORIES else match.category
    hashed = " (hashed)" if match.hashed else ""
    if match.sensitivity == "high" and match.strength == "strong":
        return Violation.of(
            "PII003",
            f"Property `{prop.name}` looks like {match.category}{hashed}, a high-sensitivity category "
            f"({description}), but has no `pii:` declaration.",
            event=event, path=pointer, expected=match.category, source=prop.location)
    return Violation.of(
        "PII002",
        f"Property `{prop.name}` looks like {match.category}{hashed} ({description}) but has no `pii:` declaration.",
        event=event, path=pointer, expected=match.category, source=prop.location,
        severity="info" if match.sensitivity == "low" else "warning")


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(path).replace(".*", "[*]")
