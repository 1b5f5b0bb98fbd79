"""What a collector is started with: the plan and checks, the write keys, the limits, the store and the files."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from protocol_kit.pii import PiiRules
from protocol_kit.serve.store import DEFAULT_CAP

MAX_EVENT_BYTES = 32 * 1024  # Segment's HTTP API limits
MAX_BATCH_BYTES = 500 * 1024
SERVE_MODES = ("record", "enforce")


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits (bytes): one event, and one request body once decompressed."""

    max_event_bytes: int = MAX_EVENT_BYTES
    max_batch_bytes: int = MAX_BATCH_BYTES


@dataclass(frozen=True, slots=True)
class Files:
    """``out``: every event received (appended); ``valid_out`` / ``quarantine_out``: as ``validate`` writes them."""

    out: Path | None = None
    valid_out: Path | None = None
    quarantine_out: Path | None = None


@dataclass(frozen=True, slots=True)
class Checks:
    """How events are validated (the options of ``protocol-kit validate``)."""

    pii: str = "flag"
    pii_rules: PiiRules | None = None
    salt: str | None = None
    event_version: str = "oldest"


@dataclass(frozen=True, slots=True)
class CollectorSettings:
    """``mode``: ``record`` (keep every event, change nothing) or ``enforce`` (conforming events go to
    ``files.valid_out``, the rest to ``files.quarantine_out`` when given, else they are dropped from it).
    ``write_keys``: when not empty, requests with another key (or none) are refused with 401."""

    mode: str = "record"
    write_keys: frozenset[str] = frozenset()
    limits: Limits = field(default_factory=Limits)
    files: Files = field(default_factory=Files)
    checks: Checks = field(default_factory=Checks)
    store_cap: int = DEFAULT_CAP

    def __post_init__(self) -> None:
        if self.mode not in SERVE_MODES:
            raise ValueError(f"mode must be one of {', '.join(SERVE_MODES)}, not {self.mode!r}")

    @property
    def validation_mode(self) -> str:
        """The batch validator's mode: report, or block / quarantine when enforcing."""
        if self.mode == "record":
            return "report"
        return "quarantine" if self.files.quarantine_out is not None else "block"
