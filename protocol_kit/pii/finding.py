"""The record of one piece of personal data found in a payload."""
from __future__ import annotations

from dataclasses import dataclass, field

from protocol_kit import codes
from protocol_kit.results import Signature, digest_path

MATCHED_ON = ("name", "value", "both", "key")
CODE = "PII001"  # what the validator reports a finding as


@dataclass(frozen=True, slots=True)
class PiiFinding:
    """Personal data at one place of a payload.

    ``path`` is dotted with array indices (``properties.products[0].email``),
    ``pointer`` the same place as a JSON pointer. ``matched_on`` says what gave
    it away: the field ``name``, the ``value``, ``both``, or the ``key`` itself
    (a dynamic key that is an email address). ``expected`` is True for fields
    analytics SDKs fill in (``context.ip``: see ``PiiRules.expected_paths``),
    which the validator does not report. ``masked`` is the value masked;
    the raw value is never kept. Keys that are personal data are masked in
    ``path`` and ``pointer`` too. ``route`` locates the value for
    :func:`~protocol_kit.pii.transform.redact` (positions, no data).
    """

    path: str
    pointer: str
    category: str
    sensitivity: str
    matched_on: str
    masked: str
    event: str | None = None
    expected: bool = False
    route: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def signature(self) -> Signature:
        """The signature of the finding's PII001 violation (:func:`protocol_kit.results.signature_of`: event,
        kind, pointer with array indices as ``*``, code): what a baseline records, with the ``category``."""
        return (self.event or "", codes.get(CODE).kind, digest_path(self.pointer), CODE)

    def __str__(self) -> str:
        expected = ", expected" if self.expected else ""
        return f"{self.path}: {self.category} ({self.sensitivity}, matched on {self.matched_on}{expected}): {self.masked}"

    def to_dict(self) -> dict[str, str | None]:
        return {"path": self.path, "pointer": self.pointer, "category": self.category,
                "sensitivity": self.sensitivity, "matched_on": self.matched_on,
                "masked": self.masked, "event": self.event, "expected": self.expected}
