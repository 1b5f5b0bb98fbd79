"""An event read from what an SDK sent: the Segment-spec event, the SDK's own record and its format."""
from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from protocol_kit.events.record import EventRecord


@dataclass(frozen=True, slots=True)
class WireRecord(EventRecord):
    """An :class:`EventRecord` read from an SDK's payload.

    ``payload`` is the Segment-spec event the validator checks (``error`` says
    why there is none); ``format`` names the wire format it was read as
    (``posthog``...); ``original`` is the SDK's own record as it was sent (one
    event of a batch, or the whole body when it could not be read), kept for
    quarantine; None when the event is the record itself, unchanged.
    """

    format: str = ""
    original: Any = None

    def kept(self) -> dict[str, Any]:
        """What a quarantine record keeps beside the event: the format and the original record or body."""
        fields: dict[str, Any] = {"format": self.format}
        original = self.original
        if isinstance(original, bytes):
            try:
                original = original.decode("utf-8")
            except UnicodeDecodeError:
                fields["original_base64"] = base64.b64encode(original).decode("ascii")
                return fields
        if original is not None:
            fields["original"] = original
        return fields
