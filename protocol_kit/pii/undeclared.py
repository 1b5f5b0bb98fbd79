"""The personal data in one event that its tracking plan does not declare.

The validator calls :func:`find_undeclared_pii` on every event with the
declarations of the event's plan, then reports, redacts, hashes or blocks.
"""
from __future__ import annotations

from typing import Any, Mapping

from protocol_kit.pii.detect import event_name_of, scan
from protocol_kit.pii.finding import PiiFinding
from protocol_kit.pii.rules import DEFAULT_RULES, PiiRules


def find_undeclared_pii(
    payload: Any,
    *,
    declared: Mapping[str, str | bool] | None = None,
    rules: PiiRules | None = None,
    event_name: str | None = None,
) -> list[PiiFinding]:
    """Findings of ``payload`` that no declaration, expected SDK field, allow-list or baseline covers.

    ``declared`` maps JSON pointers (``/properties/email``; ``*`` matches one
    segment, such as an array index: ``/properties/products/*/email``) to the
    declared category, or to False when the plan says the field is not
    personal. A category (or True) covers every finding at that pointer;
    False covers findings made on the name only: a value that proves personal
    data (an email in a field declared not personal) is still reported.
    """
    rules = rules or DEFAULT_RULES
    event = event_name if event_name is not None else event_name_of(payload)
    findings = scan(payload, rules=rules, event=event)
    matcher = _Declarations(declared or {})
    return [f for f in findings
            if not f.expected and not matcher.covers(f) and not _baselined(f, rules)]


def _baselined(finding: PiiFinding, rules: PiiRules) -> bool:
    return bool(rules.baseline) and rules.baseline.covers(finding.signature, category=finding.category)


class _Declarations:
    def __init__(self, declared: Mapping[str, str | bool]):
        self.exact = {pointer: category for pointer, category in declared.items() if "*" not in pointer}
        self.patterns = [(pointer.split("/"), category) for pointer, category in declared.items() if "*" in pointer]

    def covers(self, finding: PiiFinding) -> bool:
        declaration = self._lookup(finding.pointer)
        if declaration is None:
            return False
        return declaration is not False or finding.matched_on == "name"

    def _lookup(self, pointer: str) -> str | bool | None:
        if pointer in self.exact:
            return self.exact[pointer]
        if self.patterns:
            segments = pointer.split("/")
            for pattern, declaration in self.patterns:
                if len(pattern) == len(segments) and all(p in ("*", s) for p, s in zip(pattern, segments)):
                    return declaration
        return None
