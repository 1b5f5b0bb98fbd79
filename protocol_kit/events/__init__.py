"""Reading event streams and payload files: JSON Lines, JSON, Segment batches, gzip, folders, stdin.

What analytics SDKs send (Segment, RudderStack, PostHog, Mixpanel, Amplitude,
Snowplow) is read by :mod:`protocol_kit.events.wire`.
"""
from typing import TYPE_CHECKING

from protocol_kit.lazy import lazy_exports

if TYPE_CHECKING:
    from protocol_kit.events.envelope import call_of, message_id_of
    from protocol_kit.events.reader import FileSlice, LineChunk, read_chunks, read_events
    from protocol_kit.events.record import EventRecord

_EXPORTS = {
    "EventRecord": "record",
    "FileSlice": "reader",
    "LineChunk": "reader",
    "call_of": "envelope",
    "message_id_of": "envelope",
    "read_chunks": "reader",
    "read_events": "reader",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)

__all__ = ["EventRecord", "FileSlice", "LineChunk", "call_of", "message_id_of", "read_chunks", "read_events"]
