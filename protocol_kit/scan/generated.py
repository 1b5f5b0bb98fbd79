"""Calls of the methods of generated typed clients: ``tracker.orderCompleted({...})`` and
``tracker.order_completed(order_id=...)`` are track calls of their events."""
from __future__ import annotations

import tree_sitter as ts

from protocol_kit.scan.config import GeneratedFunction
from protocol_kit.scan.languages.base import Arg, BagBuilder, SourceFile
from protocol_kit.scan.model import UNKNOWN_BAG, EventName, Literal, ObjectValue, PropertyBag, TrackingCall

SPREAD = "**"


def generated_call(function: GeneratedFunction, receiver: str | None, call: ts.Node, args: list[Arg],
                   source: SourceFile) -> TrackingCall:
    location = source.location(call)
    event = EventName(candidates=(function.event,), location=location)
    return TrackingCall("track", function.name, receiver, event, _properties(function, args, source), location)


def _properties(function: GeneratedFunction, args: list[Arg], source: SourceFile) -> PropertyBag:
    if not function.keywords:
        first = next((arg.node for arg in args if arg.label is None), None)
        if first is None:
            return PropertyBag()
        value = source.value(first)
        return value.bag if isinstance(value, ObjectValue) else UNKNOWN_BAG
    sends = dict(function.keywords)
    bag = BagBuilder(source)
    for arg in args:
        if arg.label is None:
            if arg.node.type == "dictionary_splat":
                bag.spread(arg.node.named_children[0])
            continue
        name = sends.get(arg.label, arg.label)
        if name == SPREAD:
            bag.spread(arg.node)
        elif name is not None:
            bag.pair(Literal(name), _keyword_node(arg.node), arg.node)
    return bag.build().bag


def _keyword_node(value: ts.Node) -> ts.Node:
    """Where a keyword argument's name is written (``cupon=`` of ``cupon="X"``), for the finding's column."""
    parent = value.parent
    keyword = parent.child_by_field_name("name") if parent is not None else None
    return keyword if keyword is not None else value
