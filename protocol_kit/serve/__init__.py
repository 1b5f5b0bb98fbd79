"""``protocol-kit serve``: a local collector that analytics SDKs send to, checking every event on arrival.

The routes of Segment, RudderStack, PostHog, Mixpanel, Amplitude and Snowplow
read what each SDK sends (:mod:`protocol_kit.events.wire`); every event is
validated against the plan before the SDK gets its answer, and kept for the
query API under ``/pk/`` and the live page at ``/`` (see docs/serve.md).

Needs the ``serve`` extra (``pip install 'protocol-kit[serve]'``) for the
HTTP server; :class:`Collector` itself does not.
"""
from protocol_kit.serve.collector import Collector, Reply
from protocol_kit.serve.runner import RunningCollector, running_collector
from protocol_kit.serve.settings import Checks, CollectorSettings, Files, Limits

__all__ = ["Checks", "Collector", "CollectorSettings", "Files", "Limits", "Reply", "RunningCollector",
           "running_collector"]
