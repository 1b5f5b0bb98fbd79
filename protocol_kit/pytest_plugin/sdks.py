"""Where each analytics SDK hands over a finished message, and how to take it there instead of sending it.

Each SDK is patched at the point where its own code has built the message it
would send, and no further: the message is exactly what would go over the wire,
and nothing is queued, posted or retried.

- segment-analytics-python and rudder-sdk-python: ``Client._enqueue`` runs with
  the client's ``send`` off (the SDKs' own no-send path), which builds, cleans and
  size-checks the message and returns it; the module-level ``analytics.track(...)``
  goes through its default client, so it is taken too. The message is handed on
  parsed from the JSON the SDK would write.
- posthog: ``Client._submit_event``, called once the event is normalised,
  enriched (``$lib``, super properties...) and through ``before_send``; handed on
  parsed from the JSON the SDK would write, as Segment's.
- mixpanel: ``Consumer.send`` and ``BufferedConsumer.send``, handed the JSON
  message each ``Mixpanel`` call builds.
- amplitude-analytics: ``AmplitudeDestinationPlugin.execute`` runs the
  destination's own plugins, then the SDK's own ``Workers.get_payload`` builds
  the body it would post, instead of pushing the event to its storage.

An SDK that is not installed is left out. :func:`patched` patches every
installed one and undoes it on exit.
"""
from __future__ import annotations

import importlib
import json
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any, Callable, Iterator

import orjson

Sink = Callable[[str, str, Any], None]  # (sdk, wire format, message as the SDK would send it)


def as_sent(message: Any, serializer: type[json.JSONEncoder]) -> bytes:
    """``message`` as the JSON the SDK's own encoder writes (orjson hands it what JSON has no type for)."""
    try:
        return orjson.dumps(message, default=_default(serializer), option=orjson.OPT_PASSTHROUGH_DATETIME)
    except TypeError:  # keys that are not strings, which the json module turns into strings
        return json.dumps(message, cls=serializer).encode("utf-8")


def as_document(message: Any, serializer: type[json.JSONEncoder]) -> Any:
    """``message`` as the JSON document the SDK would send, parsed: also a copy, as the SDK hands the message
    back to the application. The bytes when they are not JSON (the json module writes NaN): the reader says so."""
    sent = as_sent(message, serializer)
    try:
        return orjson.loads(sent)
    except orjson.JSONDecodeError:
        return sent


@cache
def _default(serializer: type[json.JSONEncoder]) -> Callable[[Any], Any]:
    return serializer().default


@dataclass(frozen=True, slots=True)
class Patch:
    owner: Any
    name: str
    replacement: Callable


def _segment_spec(sdk: str, module: str, wire_format: str) -> Callable[[Sink], list[Patch]]:
    def patches(sink: Sink) -> list[Patch]:
        client_module = importlib.import_module(f"{module}.client")
        serializer = importlib.import_module(f"{module}.request").DatetimeSerializer
        client = client_module.Client
        enqueue = client._enqueue

        def _enqueue(self, msg):
            sending, self.send = self.send, False  # the SDK's own no-send path returns the finished message
            try:
                queued, message = enqueue(self, msg)
            finally:
                self.send = sending
            sink(sdk, wire_format, as_document(message, serializer))
            return queued, message
        return [Patch(client, "_enqueue", _enqueue)]
    return patches


def _posthog(sink: Sink) -> list[Patch]:
    client = importlib.import_module("posthog.client").Client
    serializer = importlib.import_module("posthog.request").DatetimeSerializer

    def _submit_event(self, msg, lane, sent_uuid):
        sink("posthog", "posthog", as_document(msg, serializer))
        return sent_uuid
    return [Patch(client, "_submit_event", _submit_event)]


def _mixpanel(sink: Sink) -> list[Patch]:
    mixpanel = importlib.import_module("mixpanel")

    def send(self, endpoint, json_message, api_key=None, api_secret=None):
        sink("mixpanel", "mixpanel", json_message)
    return [Patch(mixpanel.Consumer, "send", send), Patch(mixpanel.BufferedConsumer, "send", send)]


def _amplitude(sink: Sink) -> list[Patch]:
    plugin = importlib.import_module("amplitude.plugin")

    def execute(self, event):
        event = self.timeline.process(event)
        if not plugin.verify_event(event):
            raise plugin.InvalidEventError("Invalid event.")
        sink("amplitude", "amplitude", self.workers.get_payload([event]))
    return [Patch(plugin.AmplitudeDestinationPlugin, "execute", execute)]


# sdk name -> (the module that must be importable, its patches)
SDKS: dict[str, tuple[str, Callable[[Sink], list[Patch]]]] = {
    "segment": ("segment.analytics", _segment_spec("segment", "segment.analytics", "segment")),
    "rudderstack": ("rudderstack.analytics", _segment_spec("rudderstack", "rudderstack.analytics", "rudderstack")),
    "posthog": ("posthog", _posthog),
    "mixpanel": ("mixpanel", _mixpanel),
    "amplitude": ("amplitude", _amplitude),
}
# the folders of code that is not the application's: the SDKs' and the plugin's own (see callers.py)
PACKAGES = ("segment", "rudderstack", "posthog", "mixpanel", "amplitude")


def installed() -> list[str]:
    """The names of the supported SDKs that can be imported here."""
    found = []
    for name, (module, _) in SDKS.items():
        try:
            importlib.import_module(module)
        except ImportError:
            continue
        found.append(name)
    return found


@contextmanager
def patched(sink: Sink) -> Iterator[list[str]]:
    """Every installed SDK hands its messages to ``sink`` instead of sending them; yields their names."""
    names = installed()
    undo: list[tuple[Any, str, Any]] = []
    try:
        for name in names:
            for patch in SDKS[name][1](sink):
                undo.append((patch.owner, patch.name, patch.owner.__dict__[patch.name]))
                setattr(patch.owner, patch.name, patch.replacement)
        yield names
    finally:
        for owner, attribute, original in reversed(undo):
            setattr(owner, attribute, original)
