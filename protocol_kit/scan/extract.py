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
from protocol_kit.scan.shapes import ArgumentPath, CallShape, iglu_name
from protocol_kit.scan.languages.base import PARAMETER, Arg, SourceFile
from protocol_kit.scan.generated import generated_call
from protocol_kit.scan.model import (
    UNKNOWN_BAG, Choice, Dynamic, Entry, EventName, Literal, ObjectValue, PropertyBag, Reference,
    TrackingCall, Value,
)
from protocol_kit.violation import Location

EVENT_KEYS = ("event", "name", "event_name", "eventName", "event_type", "eventType")
PROPERTY_KEYS = ("properties", "props", "traits", "event_properties", "eventProperties")
_PREFIXES = re.compile(r"^(?:this\.|self\.|window\.|globalThis\.|@)")
_CALL_ARGUMENTS = re.compile(r"\((?:[^()]|\(\))+\)")
_SPACE = re.compile(r"\s+")


def extract_calls(source: SourceFile, config: ScanConfig) -> Iterator[TrackingCall]:
    """Every tracking call in ``source``: SDK methods on configured receivers, imported
    bare functions and the project's wrapper functions."""
    wrappers = {w: w.rpartition(".")[2] for w in config.wrappers}
    receivers = frozenset(normalise_receiver(r) for r in config.receivers)
    shapes = _shapes_by_call(config.shapes)
    generated = {f.name: f for f in config.generated_functions}
    names = tuple(sorted({*config.methods, *wrappers.values(), *(method for _, method in shapes), *generated}))
    imported: frozenset[str] | None = None
    for captures in _call_matches(source, names):
        method = source.text(captures["method"][0])
        receiver_node = captures.get("receiver", [None])[0]
        receiver = normalise_receiver(source.syntax.receiver_text(receiver_node, source)) if receiver_node else None
        qualified = f"{receiver}.{method}" if receiver else method
        if method in generated and qualified not in wrappers:
            args = source.syntax.arguments(captures["args"][0], source)
            yield generated_call(generated[method], receiver, captures["call"][0], args, source)
            continue
        shape = shapes.get((receiver, method))
        if shape is not None:
            if shape.needs_import:
                imported = source.syntax.imported_names(source) if imported is None else imported
                if method not in imported:
                    continue
            args = source.syntax.arguments(captures["args"][0], source)
            yield _shaped(shape, method, receiver, captures["call"][0], args, source)
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


def _call_matches(source: SourceFile, names: tuple[str, ...]) -> Iterator[dict[str, list[ts.Node]]]:
    """The calls query's matches, run only where the text names a method: a regular expression finds
    the few places, so the query does not walk the whole tree of a long file."""
    query = source.syntax.query_for(names)
    words = re.compile(rb"(?<![\w$#])(?:" + b"|".join(re.escape(n.encode()) for n in names) + rb")(?![\w$])")
    seen: set[tuple[int, int]] = set()
    for found in words.finditer(source.data):
        cursor = ts.QueryCursor(query)
        cursor.set_byte_range(found.start(), found.end())
        for _, captures in cursor.matches(source.tree.root_node):
            call = captures["call"][0]
            key = (call.start_byte, call.end_byte)
            if captures["method"][0].start_byte == found.start() and key not in seen:
                seen.add(key)
                yield captures


def _shapes_by_call(shapes: tuple[CallShape, ...]) -> dict[tuple[str | None, str], CallShape]:
    found: dict[tuple[str | None, str], CallShape] = {}
    for shape in shapes:
        receiver = normalise_receiver(shape.receiver) if shape.receiver else None
        for method in shape.methods:
            found.setdefault((receiver, method), shape)
    return found


def _shaped(shape: CallShape, method: str, receiver: str | None, call: ts.Node,
            args: list[Arg], source: SourceFile) -> TrackingCall:
    """A call whose shape says where the event name and the properties are."""
    location = source.location(call)
    bag = PropertyBag()
    if shape.properties is not None:
        found = _pick(shape.properties, args, source)
        bag = _bag(found[0]) if found else PropertyBag()
    if shape.kind != "track":
        return TrackingCall(shape.kind, method, receiver, EventName(), bag, location)
    found = _pick(shape.event, args, source) if shape.event else None
    if found is None:
        event = EventName(reference=str(shape.event), why=f"the call has no argument {shape.event}", location=location)
    else:
        value, node, where = found
        if isinstance(value, Literal) and isinstance(value.value, str):
            value = Literal(iglu_name(value.value))
        event = _event_name(value, node, source, where)
    return TrackingCall("track", method, receiver, event, bag, location)


def _pick(path: ArgumentPath, args: list[Arg], source: SourceFile) -> tuple[Value, ts.Node, Location] | None:
    """The value at ``path``: an argument by position or label, then keys into the objects it holds."""
    value: Value | None = None
    if path.label is not None:
        node = next((arg.node for arg in args if arg.label == path.label), None)
    else:
        positional = [arg.node for arg in args if not arg.label]
        node = positional[path.position] if path.position < len(positional) else None
        labelled = [arg for arg in args if arg.label]
        if node is None and path.position == len(positional) and labelled and path.keys:
            # ``track(user, event: "A", properties: {...})``: trailing keywords are one hash argument
            node = labelled[0].node
            value = ObjectValue(PropertyBag(tuple(Entry(a.label, source.value(a.node), source.location(a.node))
                                                  for a in labelled)))  # type: ignore[arg-type]
    if node is None:
        return None
    where = source.location(node)
    value = value or source.value(node)
    for key in path.keys:
        entry = next((e for e in value.bag.entries if e.key == key), None) if isinstance(value, ObjectValue) else None
        if entry is None:
            why = "has no key" if isinstance(value, ObjectValue) and value.bag.fully_known else "may not have the key"
            return Reference(f"{source.text(node)}.{key}", f"the argument {why} {key!r}"), node, where
        value, where = entry.value, entry.location
    return value, node, where


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
    if isinstance(value, Reference):
        name, why = value.name, value.why or "computed at run time"
    else:
        name, why = source.text(node), "not a string"
    parameter = why == PARAMETER or re.split(r"[.\[(:]", name)[0] in source.parameters_around(node)
    if parameter:
        why = PARAMETER
    return EventName(reference=name, parameter=parameter, location=location, why=why)


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
