"""The one step every string passes on its way out of the tool: personal data masked, long text cut,
control characters made visible.

Reports quote what they were given: event names, property names, message
ids, call types, values. Any of those can be personal data (an email sent as
an event name, a card number as a property name), and a producer can send a
50 MB value or terminal escape sequences. :func:`outgoing` applies to the
:class:`ReportData` every format renders:

- each string a violation or digest row carries (and each part of its path,
  each quoted part and word of its message) is given to the personal-data
  detector as a value on its own; what it finds is replaced everywhere by
  its mask (``j***@e***.com``), whatever field it was in;
- strings longer than :data:`~protocol_kit.limits.MAX_REPORT_TEXT` are cut
  with a marker;
- control characters, lone surrogates and other code points XML cannot hold
  become visible escapes (``\\x1b``), so no format carries them raw.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from protocol_kit.limits import MAX_REPORT_TEXT, shorten
from protocol_kit.report.data import DigestRow, ReportData
from protocol_kit.violation import Location, Violation

# C0 and C1 controls (tab included), DEL, surrogates and the two non-characters XML refuses
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_QUOTED = re.compile(r"'([^']{4,})'")
# What a value alone can show personal data by: an @, digits (cards, phones, ids, addresses, IPs), a colon
# (IPv6, MAC), a token (keys, JWTs). Strings with none of these are not given to the detector
# (tests/reliability/test_outgoing.py checks this against the detector on its corpus).
MAY_HOLD_PERSONAL_DATA = r"@|%40|:|Bearer |Basic |(?:\D*\d){6}|\d{1,3}(?:\.\d{1,3}){3}|\S{16,}"
_MAY_HOLD = re.compile(MAY_HOLD_PERSONAL_DATA)
_CACHE_SIZE = 10_000
_LOOKED_AT = 4 * MAX_REPORT_TEXT  # the detector is given at most this much of a string


def outgoing(data: ReportData) -> ReportData:
    """``data`` with every string made safe to show (see the module)."""
    clean = Cleaner()
    return replace(data,
                   digest=tuple(clean.row(r) for r in data.digest),
                   violations=tuple(clean.violation(v) for v in data.violations),
                   events=tuple(e._replace(event=clean.text(e.event)) for e in data.events),
                   inputs=tuple(clean.plain(i) for i in data.inputs),
                   notes=tuple(clean.text(n) for n in data.notes))


def visible(text: str) -> str:
    """``text`` with control characters and code points XML cannot hold as ``\\xNN`` / ``\\uNNNN``."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def _detected(text: str) -> list[Any]:
    """What the detector finds in ``text`` (imported here: most reports hold no string worth looking at)."""
    from protocol_kit.pii.detect import detect_pii, quiet_text

    return [] if quiet_text(text) else detect_pii({"value": text})


class Cleaner:
    """Masks what the detector finds, remembering its verdict on each string."""

    def __init__(self) -> None:
        self._verdicts: dict[str, str | None] = {}

    def mask_of(self, text: str) -> str | None:
        """The mask of ``text`` when the detector finds personal data in it, else None."""
        if len(text) < 4:
            return None
        if text in self._verdicts:
            return self._verdicts[text]
        head = text[:_LOOKED_AT]
        found = _detected(head) if _MAY_HOLD.search(head) else []
        mask = str(found[0].masked) if found else None
        if len(self._verdicts) >= _CACHE_SIZE:
            self._verdicts.clear()
        self._verdicts[text] = mask
        return mask

    def secrets(self, *values: Any, composites: tuple[Any, ...] = ()) -> dict[str, str]:
        """The personal strings among ``values`` (each one value) and the parts of ``composites`` (paths and
        messages: their path segments, quoted parts and words), with their masks, longest first."""
        candidates = {v for v in values if isinstance(v, str)}
        for text in (*values, *composites):
            if not isinstance(text, str):
                continue
            parts = {part.replace("~1", "/").replace("~0", "~") for part in text.split("/")}
            parts.update(_QUOTED.findall(text))
            parts.update(word.strip(".,;:()[]{}\"'") for word in text.split())
            parts.discard(text)  # a message or path as a whole would be masked whole
            candidates.update(parts)
        found = {c: m for c in candidates if (m := self.mask_of(c)) is not None}
        return dict(sorted(found.items(), key=lambda item: -len(item[0])))

    def text(self, value: Any, secrets: dict[str, str] | None = None) -> Any:
        if not isinstance(value, str):
            return value
        for secret, mask in (self.secrets(value) if secrets is None else secrets).items():
            value = value.replace(secret, mask)
            escaped = secret.replace("~", "~0").replace("/", "~1")
            if escaped != secret:
                value = value.replace(escaped, mask)
        return visible(shorten(value, MAX_REPORT_TEXT))

    def plain(self, value: str | None) -> str | None:
        """A name the tool was given (a file name): made visible and cut, never masked."""
        return None if value is None else visible(shorten(value))

    def location(self, where: Location) -> Location:
        return where if where.file is None else replace(where, file=self.plain(where.file))

    def violation(self, v: Violation) -> Violation:
        secrets = self.secrets(v.event, v.event_type, v.message_id, v.actual, v.expected,
                               composites=(v.path, v.message))
        return replace(v, event=self.text(v.event, secrets), event_type=self.text(v.event_type, secrets),
                       message_id=self.text(v.message_id, secrets), actual=self._value(v.actual, secrets),
                       expected=self._value(v.expected, secrets), path=self.text(v.path, secrets),
                       message=self.text(v.message, secrets), source=self.location(v.source))

    def row(self, r: DigestRow) -> DigestRow:
        secrets = self.secrets(r.event, r.event_type, *r.message_ids, composites=(r.path, r.message))
        return replace(r, event=self.text(r.event, secrets), event_type=self.text(r.event_type, secrets),
                       path=self.text(r.path, secrets), message=self.text(r.message, secrets),
                       message_ids=tuple(self.text(i, secrets) for i in r.message_ids),
                       first=self.location(r.first), last=self.location(r.last))

    def _value(self, value: Any, secrets: dict[str, str]) -> Any:
        if isinstance(value, str):
            return self.text(value, secrets)
        if isinstance(value, list):  # allowed values and the like, from the plan
            return [self._value(item, secrets) for item in value]
        return value
