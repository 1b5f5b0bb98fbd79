"""Wire formats: what analytics SDKs send, read into Segment-spec events.

One module per format: :mod:`.segment` (also analytics.js and batches),
:mod:`.rudderstack`, :mod:`.posthog`, :mod:`.mixpanel`, :mod:`.amplitude`,
:mod:`.snowplow`. Each turns a parsed body into :class:`WireRecord` s: the
Segment-spec event the validator checks, the SDK's original record (kept
for quarantine), the format's name and the source location. The mapping of
every format is documented in docs/wire-formats.md.

>>> from protocol_kit.events.wire import read_body
>>> [record] = read_body(b'{"api_key": "phc", "batch": [{"event": "Signed Up", "distinct_id": "u1"}]}')
>>> record.format, record.payload["type"], record.payload["userId"]
('posthog', 'track', 'u1')
"""
from protocol_kit.events.wire.body import BodyError, Form, parse_body
from protocol_kit.events.wire.record import WireRecord
from protocol_kit.events.wire.registry import (AUTO, FORMATS, INPUT_FORMATS, detect, read_body, read_document,
                                               read_payload, wire_format)
from protocol_kit.events.wire.stream import WireReader

__all__ = ["AUTO", "FORMATS", "INPUT_FORMATS", "BodyError", "Form", "WireReader", "WireRecord", "detect",
           "parse_body", "read_body", "read_document", "read_payload", "wire_format"]
