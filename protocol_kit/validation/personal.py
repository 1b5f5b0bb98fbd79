"""Personal data in validated events (``--pii``): found where the plan does not declare it, then handled.

Fields the compiled schema declares personal (``x-pii``) pass as planned,
with whatever is nested in them,
and so do the fields analytics SDKs always send (``context.ip``: the
expected paths of :class:`~protocol_kit.pii.PiiRules`). A planned field
without ``x-pii`` passes on its name: that suspicion is a plan finding
(PII002 in ``lint``, one summary line per field in ``validate``), never a
per-event one; a value that proves personal data there still counts. The
identify traits that RudderStack sends in ``context.traits`` are declared as
the plan's identify traits. Anything else the detector finds is a PII001
violation, with the category in the message and the value masked; its
severity follows the category's sensitivity (``PiiRules.severity_of``: low
categories are ``info`` by default). What then happens depends on the mode:

- ``flag``: reported (an error unless its category is configured lower; it
  counts for ``--fail-on``), and the event goes where its other violations send it;
- ``redact`` / ``hash``: the value is replaced in the event that is passed
  on (``[REDACTED:email]``, or a salted SHA-256), and the violation is at
  most a warning, since it was handled;
- ``block``: the event does not conform, so it is dropped or quarantined
  (or reported, in report mode);
- ``off``: nothing is looked for.

Values that schema violations quote (an email sent as a ``currency``) are
masked as well. Quarantined events are kept as they came, personal data included: that is
what a quarantine file is for.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any, Iterator

from protocol_kit import pointer as json_pointer
from protocol_kit.events.envelope import call_of, message_id_of
from protocol_kit.events.record import EventRecord
from protocol_kit.pii import PiiFinding, PiiRules, find_undeclared_pii, match_name
from protocol_kit.pii.detect import root_context_names
from protocol_kit.pii.fastpass import FastPass, Knowledge
from protocol_kit.pii.names import classifier_for
from protocol_kit.pii.screen import Screen
from protocol_kit.validation.schemas import EventSchema, PlanSchemas
from protocol_kit.validation.settings import PII_MODES, SALT_ENV, salt_from  # noqa: F401 (the modes, named here too)
from protocol_kit.violation import Violation

CODE = "PII001"
SETTLED_FORMATS = frozenset(("date-time", "date", "time", "uuid"))  # valid values are not free-form text
_PAYLOAD_FIELDS = ("properties", "traits")


class PersonalData:
    """Looks for undeclared personal data in the events of one plan, per ``mode``."""

    def __init__(self, schemas: PlanSchemas, *, mode: str, rules: PiiRules | None = None, salt: str | None = None):
        if mode not in PII_MODES or mode == "off":
            raise ValueError(f"pii mode must be one of {', '.join(m for m in PII_MODES if m != 'off')}, not {mode!r}")
        if mode == "hash" and not salt:
            raise ValueError(f"pii mode 'hash' needs a salt: set [tool.protocol-kit.pii] salt or {SALT_ENV}")
        self.schemas = schemas
        self.mode = mode
        self.rules = rules or PiiRules()
        self.salt = salt
        self.handled = mode in ("redact", "hash")
        identify = schemas.calls.get("identify")
        self._sdk_traits = sdk_traits_declarations(identify.compiled.schema) if identify is not None else {}
        self._facts: dict[int, tuple[dict[str, str | bool], frozenset[str]]] = {}
        self._screens: dict[int, Screen] = {}
        self._fast: dict[int, FastPass] = {}
        self._knowledge: dict[str, Knowledge] = {}  # names learnt, per call type
        self._any_value_screens: dict[int, Screen] = {}  # for events that may break their schema
        self._unplanned = Screen(self.rules, declared=self._sdk_traits)
        self._last: tuple[Any, list[PiiFinding]] = (None, [])
        self.seen: Counter[tuple[str, str | None]] = Counter()  # events per planned schema, for the summary

    def clears(self, payload: dict) -> bool:
        """True when ``payload``, valid against its schema, has no undeclared personal data (a quick look)."""
        entry = self._entry(payload)
        if entry is None:
            return self._unplanned.clears(payload)
        screen = self._screens.get(id(entry))
        if screen is None:
            declared, settled = self._schema_facts(entry)
            screen = self._screens[id(entry)] = Screen(self.rules, declared=declared, settled=settled)
            knowledge = self._knowledge.setdefault(entry.compiled.call, Knowledge())
            self._fast[id(entry)] = FastPass(self.rules, classifier_for(self.rules.name_rules), declared=declared,
                                             knowledge=knowledge)
        fast = self._fast[id(entry)]
        cleared = fast.accepts(payload)
        if not cleared and screen.clears(payload):
            cleared = True
            fast.learn(payload)
        if cleared:
            self.seen[(entry.compiled.call, entry.compiled.event)] += 1
        return cleared

    def take_seen(self) -> Counter:
        """The events counted per planned schema since the last call (a batch's share of the summary)."""
        seen, self.seen = self.seen, Counter()
        return seen

    def summary(self, seen: Counter) -> tuple[str, ...]:
        """One line per planned field whose name looks personal but has no ``pii:`` declaration."""
        lines = []
        for (call, event), count in sorted(seen.items(), key=lambda item: (item[0][0], item[0][1] or "")):
            entry = self.schemas.track.get(event) if call == "track" else self.schemas.calls.get(call)
            if entry is None:
                continue
            label = f"'{event}'" if call == "track" else call
            for pointer, category in planned_suspicions(entry.compiled.schema, call, self.rules):
                lines.append(f"PII002 planned field {pointer} of {label} looks like {category} but has no pii: "
                             f"declaration: judged as planned in the {count} event(s) of {label}")
        return tuple(lines)

    def findings(self, payload: Any) -> list[PiiFinding]:
        """The undeclared personal data of ``payload`` (the last answer is remembered)."""
        if self._last[0] is payload:
            return self._last[1]
        entry = self._entry(payload) if isinstance(payload, dict) else None
        if entry is not None:
            self.seen[(entry.compiled.call, entry.compiled.event)] += 1
        declared = self._declarations(entry)
        screen = self._any_value_screens.get(id(entry))
        if screen is None:
            screen = self._any_value_screens[id(entry)] = Screen(self.rules, declared=declared)
        fast = self._fast.get(id(entry)) if entry is not None else None
        if fast is not None and fast.accepts(payload):
            found = []  # the first pass holds for events that break their schema too: it knows no schema
        elif screen.clears(payload):
            found = []
            if fast is not None:  # so does what it learns from them (the next such event costs one check)
                fast.learn(payload)
        else:
            found = find_undeclared_pii(payload, declared=declared, rules=self.rules)
        if found and declared:
            found = [f for f in found if not _inside_declared(f.pointer, declared)]
        self._last = (payload, found)
        return found

    def violations(self, record: EventRecord, checked: list[Violation]) -> list[Violation]:
        """``checked`` (the schema's violations of ``record``) with their values masked where personal
        data was found, followed by the PII001 violations."""
        if not record.parsed or not isinstance(record.payload, dict):
            return checked
        found = self.findings(record.payload)
        if not found:
            return checked
        masks = {f.pointer: f.masked for f in found}
        return [_masked(v, masks, record.payload) for v in checked] + list(self._violations(record, found))

    def routed(self, violations: list[Violation]) -> list[Violation]:
        """The violations that decide where the event goes: PII001 only in ``block`` mode."""
        if self.mode == "block":
            return violations
        return [v for v in violations if v.code != CODE]

    def rewritten(self, payload: Any) -> Any | None:
        """``payload`` with its undeclared personal data redacted or hashed; None when nothing changes."""
        if self.mode not in ("redact", "hash"):
            return None
        found = self.findings(payload)
        if not found:
            return None
        return self._replaced(payload, found)

    def rewritten_as(self, target: Any, *, like: Any) -> Any:
        """``target`` (another reading of ``like``, with the same structure) rewritten as :meth:`rewritten`
        rewrites ``like``."""
        return self._replaced(target, self.findings(like))

    def _replaced(self, payload: Any, found: list[PiiFinding]) -> Any:
        from protocol_kit.pii.transform import hash_values, redact  # redact and hash modes only

        return redact(payload, found) if self.mode == "redact" else hash_values(payload, found, self.salt)

    def _entry(self, payload: dict) -> EventSchema | None:
        call = payload.get("type", "track")
        if call == "track":
            name = payload.get("event")
            return self.schemas.track_entry(name, payload)[0] if name.__class__ is str else None
        return self.schemas.calls.get(call) if call.__class__ is str else None

    def _declarations(self, entry: EventSchema | None) -> dict[str, str | bool]:
        return self._sdk_traits if entry is None else self._schema_facts(entry)[0]

    def _schema_facts(self, entry: EventSchema) -> tuple[dict[str, str | bool], frozenset[str]]:
        facts = self._facts.get(id(entry))
        if facts is None:
            declared, settled = schema_facts(entry.compiled.schema)
            facts = self._facts[id(entry)] = ({**self._sdk_traits, **declared}, settled)
        return facts

    def _violations(self, record: EventRecord, found: list[PiiFinding]) -> Iterator[Violation]:
        routed = call_of(record.payload)
        call, name = routed if isinstance(routed, tuple) else (None, None)
        handled = {"redact": " (redacted)", "hash": " (hashed)"}.get(self.mode, "")
        for finding in found:
            severity = self.rules.severity_of(finding.category, finding.sensitivity)
            if self.handled and severity == "error":
                severity = "warning"
            yield Violation.of(
                CODE, f"personal data ({finding.category}) in '{_label(finding.path)}', not declared in the plan: "
                      f"{finding.masked}{handled}",
                severity=severity, event=name if call == "track" else None, event_type=call,
                path=finding.pointer, expected=finding.category, actual=finding.masked, source=record.source,
                message_id=message_id_of(record.payload))


def _masked(violation: Violation, masks: dict[str, str], payload: Any) -> Violation:
    """``violation`` without the raw value it may quote (``should be one of 'USD', 'EUR', got '<email>'``)."""
    masked = masks.get(violation.path)
    if masked is None or not isinstance(violation.actual, str):
        return violation
    if violation.actual != _value_at(payload, violation.path):
        return violation  # not the value: EV005 quotes the property's name
    from protocol_kit.validation.rules import quoted  # how values appear in messages

    message = violation.message.replace(quoted(violation.actual), quoted(masked))
    return replace(violation, message=message, actual=masked)


def _value_at(document: Any, pointer: str) -> Any:
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(document, dict) and part in document:
            document = document[part]
        elif isinstance(document, list) and part.isdigit() and int(part) < len(document):
            document = document[int(part)]
        else:
            return None
    return document


def schema_facts(schema: dict[str, Any]) -> tuple[dict[str, str | bool], frozenset[str]]:
    """The declarations of a compiled schema, and the fields whose valid values are settled.

    A declaration is the field's ``x-pii`` category, or False for a planned
    field without one. Both are JSON pointers into the payload, array items as
    ``*`` (``/properties/products/*/email``).
    """
    declared: dict[str, str | bool] = {}
    settled: set[str] = set()
    stack = [(schema, "")]
    while stack:
        node, pointer = stack.pop()
        children = [(f"{pointer}/{json_pointer.escape(name)}", sub) for name, sub in (node.get("properties") or {}).items()]
        if isinstance(node.get("items"), dict):
            children.append((f"{pointer}/*", node["items"]))
        for where, sub in children:
            if not isinstance(sub, dict):
                continue
            # a planned field without a declaration passes on its name (False), not on its value
            declared[where] = sub.get("x-pii", False)
            if _settled(sub):
                settled.add(where)
            stack.append((sub, where))
    return declared, frozenset(settled)


def sdk_traits_declarations(identify_schema: dict[str, Any]) -> dict[str, str | bool]:
    """The identify traits' declarations at ``/context/traits``, where RudderStack sends them on every call."""
    declared = schema_facts(identify_schema)[0]
    return {"/context" + pointer: category for pointer, category in declared.items()
            if pointer.startswith("/traits/")}


def planned_suspicions(schema: dict[str, Any], call: str, rules: PiiRules) -> list[tuple[str, str]]:
    """(pointer, category) of the planned fields of ``schema`` whose names look personal, without ``x-pii``.

    The same judgement as plan lint's PII002: booleans and objects are not
    personal data by name, a lone ``lat`` needs its partner.
    """
    names = root_context_names({"type": call})
    found = []
    stack: list[tuple[dict[str, Any], str, tuple[str, ...]]] = [(schema, "", ())]
    while stack:
        node, pointer, parents = stack.pop()
        properties = node.get("properties") or {}
        for name, sub in properties.items():
            if not isinstance(sub, dict):
                continue
            where = f"{pointer}/{json_pointer.escape(name)}"
            inner = (*parents[-1:], names.get(name, name) if not pointer else name)
            stack.append((sub, where, inner))
            if isinstance(sub.get("items"), dict):
                stack.append((sub["items"], where + "/*", inner))
            if "x-pii" in sub or sub.get("type") in ("boolean", "object") or not pointer:
                continue
            match = match_name(name, parents, rules=rules)
            dotted = where[1:].replace("/*", "[*]").replace("/", ".")
            if match is None or rules.is_expected(dotted) or (match.strength == "pair" and not any(
                    (m := match_name(other, parents, rules=rules)) is not None and m.category == match.category
                    for other in properties if other != name)):
                continue
            found.append((where, match.category))
    return sorted(found)


def _inside_declared(pointer: str, declared: dict[str, str | bool]) -> bool:
    """Whether ``pointer`` is nested in a field declared personal (``first_name: ["Ada"]``)."""
    segments = pointer.split("/")
    for where, category in declared.items():
        prefix = where.split("/")
        if category is not False and len(prefix) < len(segments) and all(
                p in ("*", s) for p, s in zip(prefix, segments)):
            return True
    return False


def _settled(schema: dict[str, Any]) -> bool:
    types = schema.get("type")
    return ("enum" in schema or "const" in schema or types == "boolean" or types == ["boolean", "null"]
            or schema.get("format") in SETTLED_FORMATS)


def _label(path: str) -> str:
    head, _, rest = path.partition(".")
    return rest if head in _PAYLOAD_FIELDS and rest else path
