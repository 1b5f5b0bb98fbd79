"""From a parsed file to :class:`TrackingCall` records, the same for every language.

Languages say which nodes are calls and what a node's value is; the argument
conventions of the SDKs (which argument is the event, which the properties)
live here, once.
"""
from __future__ import annotations

import re
from typing import Iterator

import tree_sitter as ts

from protocol_kit.scan.config import DEFAULT_METHODS, ScanConfig
from protocol_kit.scan.generated import generated_call
from protocol_kit.scan.languages.base import Arg, SourceFile
from protocol_kit.scan.model import (
    UNKNOWN_BAG, Choice, Dynamic, EventName, Literal, ObjectValue, PropertyBag, Reference,
    TrackingCall, Value,
)
from protocol_kit.violation import Location

EVENT_KEYS = ("event", "name", "event_name", "eventName", "event_type")
PROPERTY_KEYS = ("properties", "props", "traits", "event_properties", "eventProperties")
_PREFIXES = re.compile(r"^(?:this\.|self\.|window\.|globalThis\.|@)")
_CALL_ARGUMENTS = re.compile(r"\((?:[^()]|\(\))+\)")
_SPACE = re.compile(r"\s+")


def extract_calls(source: SourceFile, config: ScanConfig) -> Iterator[TrackingCall]:
    """Every tracking call in ``source``: SDK methods on configured receivers, imported
    bare functions and the project's wrapper functions."""
    wrappers = {w: w.rpartition(".")[2] for w in config.wrappers}
    receivers = frozenset(normalise_receiver(r) for r in config.receivers)
    generated = {f.name: f for f in config.generated_functions}
    names = tuple(sorted({*config.methods, *wrappers.values(), *generated}))
    query = source.syntax.query_for(names)
    imported: frozenset[str] | None = None
    for _, captures in ts.QueryCursor(query).matches(source.tree.root_node):
        method = source.text(captures["method"][0])
        receiver_node = captures.get("receiver", [None])[0]
        receiver = normalise_receiver(source.syntax.receiver_text(receiver_node, source)) if receiver_node else None
        qualified = f"{receiver}.{method}" if receiver else method
        if method in generated and qualified not in wrappers:
            args = source.syntax.arguments(captures["args"][0], source)
            yield generated_call(generated[method], receiver, captures["call"][0], args, source)
            continue
        if qualified in wrappers:
            kind = "wrapper"
        elif method not in config.methods:
            continue
        elif receiver is not None:
            if receiver not in receivers:
                continue
            kind = DEFAULT_METHODS[method]
        else:
            if imported is None:
                imported = source.syntax.imported_names(source)
            if method not in imported or method not in config.imported_functions:
                continue
            kind = DEFAULT_METHODS[method]
        call = captures["call"][0]
        args = source.syntax.arguments(captures["args"][0], source)
        yield _interpret(kind, method, receiver, call, args, source)


def normalise_receiver(text: str) -> str:
    """``this.analytics`` -> ``analytics``; ``amplitude.getInstance("x")`` -> ``amplitude.getInstance()``."""
    text = _SPACE.sub("", text).replace("?.", ".").replace("::", ".")
    while (shorter := _CALL_ARGUMENTS.sub("()", text)) != text:
        text = shorter
    return _PREFIXES.sub("", text)


def _interpret(kind: str, method: str, receiver: str | None, call: ts.Node,
               args: list[Arg], source: SourceFile) -> TrackingCall:
    labeled = {arg.label: arg.node for arg in args if arg.label}
    positional = [arg.node for arg in args if not arg.label]
    event_node = next((labeled[k] for k in EVENT_KEYS if k in labeled), None)
    props_node = next((labeled[k] for k in PROPERTY_KEYS if k in labeled), None)
    location = source.location(call)
    if kind in ("identify", "group", "page", "screen"):
        bag = _bag(source.value(props_node)) if props_node else _first_object(positional, source)
        return TrackingCall(kind, method, receiver, EventName(), bag, location)
    if event_node is None and len(positional) == 1:
        message = source.value(positional[0])
        if isinstance(message, ObjectValue) and any(message.bag.get(k) for k in EVENT_KEYS):
            return _from_message(message, method, receiver, positional[0], location, source)
    if event_node is None:
        event_index = _event_index(positional, source, wrapper=kind == "wrapper")
        if event_index < len(positional):
            event_node = positional[event_index]
            if props_node is None and event_index + 1 < len(positional):
                props_node = positional[event_index + 1]
    event = _event_name(source.value(event_node), event_node, source) if event_node else EventName()
    properties = _bag(source.value(props_node)) if props_node else PropertyBag()
    return TrackingCall("track", method, receiver, event, properties, location)


def _event_index(positional: list[ts.Node], source: SourceFile, *, wrapper: bool) -> int:
    """``track(event, props)``; Python and Ruby SDKs take ``track(user_id, event, props)``."""
    if wrapper or not source.syntax.user_id_first or len(positional) < 2:
        return 0
    if len(positional) == 2 and _is_name(source.value(positional[0])) and not _is_name(source.value(positional[1])):
        return 0
    return 1


def _is_name(value: Value) -> bool:
    if isinstance(value, Literal):
        return isinstance(value.value, str)
    return isinstance(value, (Choice, Dynamic))


def _from_message(message: ObjectValue, method: str, receiver: str | None, node: ts.Node,
                  location: Location, source: SourceFile) -> TrackingCall:
    """Server SDKs: ``track({userId, event, properties})`` and Ruby's ``track(user_id:, event:)``."""
    entries = {e.key: e for e in message.bag.entries}
    event_entry = next(entries[k] for k in EVENT_KEYS if k in entries)
    event = _event_name(event_entry.value, node, source, event_entry.location)
    props = next((entries[k].value for k in PROPERTY_KEYS if k in entries), None)
    bag = PropertyBag() if props is None else _bag(props)
    if props is None and message.bag.has_spread:
        bag = UNKNOWN_BAG
    return TrackingCall("track", method, receiver, event, bag, location)


def _event_name(value: Value, node: ts.Node, source: SourceFile, location: Location | None = None) -> EventName:
    location = location or source.location(node)
    if isinstance(value, Literal):
        if isinstance(value.value, str):
            return EventName(candidates=(value.value,), location=location)
        return EventName(reference=repr(value.value), location=location)
    if isinstance(value, Choice):
        names = tuple(v for v in value.values if isinstance(v, str))
        return EventName(candidates=names, location=location)
    if isinstance(value, Dynamic):
        return EventName(dynamic=value.reason, location=location)
    name = value.name if isinstance(value, Reference) else source.text(node)
    parameter = re.split(r"[.\[(:]", name)[0] in source.parameters_around(node)
    return EventName(reference=name, parameter=parameter, location=location)


def _bag(value: Value) -> PropertyBag:
    if isinstance(value, ObjectValue):
        return value.bag
    if isinstance(value, Literal) and value.value is None:
        return PropertyBag()
    return UNKNOWN_BAG


def _first_object(positional: list[ts.Node], source: SourceFile) -> PropertyBag:
    """Traits of ``identify(user_id, traits)`` or ``identify(traits)``: the first object argument.

    Without one, a variable that may hold the traits makes them unknown.
    """
    values = [source.value(node) for node in positional]
    found = next((v for v in values if isinstance(v, ObjectValue)), None)
    if found is not None:
        return found.bag
    maybe_traits = values[1:] if len(values) > 1 else values
    return UNKNOWN_BAG if any(isinstance(v, Reference) for v in maybe_traits) else PropertyBag()
