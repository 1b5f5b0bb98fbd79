"""Is a parsed value a JSON document protocol_kit can check? Depth, types, keys and cycles, without recursion.

Events read from files are JSON by construction; only their depth is checked
(:func:`too_deep`, which counts brackets first so that ordinary lines cost two
byte counts). Values handed to the library API can be anything Python holds:
:func:`json_problem` says what keeps one from being JSON.
"""
from __future__ import annotations

from typing import Any

from protocol_kit import pointer as json_pointer
from protocol_kit.limits import MAX_EVENT_DEPTH

_SCALARS = (str, int, float, bool, type(None))
TOO_DEEP = f"event is nested more than {MAX_EVENT_DEPTH} levels deep"


def too_deep(line: bytes, payload: Any) -> bool:
    """True when ``payload`` (parsed from ``line``) nests objects and arrays beyond the limit."""
    if line.count(b"{") + line.count(b"[") <= MAX_EVENT_DEPTH:
        return False
    return depth_exceeds(payload, MAX_EVENT_DEPTH)


def depth_exceeds(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if node.__class__ is dict:
            children = node.values()
        elif node.__class__ is list:
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if child.__class__ in (dict, list))
    return False


def json_problem(value: Any) -> str | None:
    """Why ``value`` is not a JSON document within the depth limit, or None when it is."""
    if plainly_json(value):
        return None
    return _problem(value)


_PLAIN = frozenset((str, int, bool, type(None)))


def plainly_json(value: Any) -> bool:
    """True when ``value`` is made of the built-in JSON types themselves (no subclasses), has string keys, no
    NaN and nests within the limit: a walk that builds no paths. False: :func:`json_problem` looks closer
    (a cycle nests without end, so it ends here too)."""
    stack = [(value, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        kind = node.__class__
        if kind is dict:
            for key in node:
                if key.__class__ is not str:
                    return False
            children: Any = node.values()
        elif kind is list:
            children = node
        elif kind in _PLAIN or kind is float and node == node:
            continue
        else:
            return False
        if depth > MAX_EVENT_DEPTH:
            return False
        for child in children:
            kind = child.__class__
            if kind in _PLAIN:
                continue
            if kind is float:
                if child != child:
                    return False
                continue
            push((child, depth + 1))
    return True


def _problem(value: Any) -> str | None:
    on_path: set[int] = set()
    stack: list[tuple[Any, str, int, bool]] = [(value, "", 1, False)]
    while stack:
        node, where, depth, leaving = stack.pop()
        if leaving:
            on_path.discard(id(node))
            continue
        if isinstance(node, _SCALARS):
            if isinstance(node, float) and node != node:
                return f"NaN at '{where or '/'}' is not a JSON number"
            continue
        if not isinstance(node, (dict, list)):
            return f"value at '{where or '/'}' is of type {type(node).__name__}, not a JSON value"
        if id(node) in on_path:
            return f"the event contains itself at '{where}'"
        if depth > MAX_EVENT_DEPTH:
            return TOO_DEEP
        on_path.add(id(node))
        stack.append((node, where, depth, True))
        if isinstance(node, dict):
            for key, child in node.items():
                if not isinstance(key, str):
                    return f"object key {type(key).__name__} at '{where or '/'}' is not a string"
                stack.append((child, f"{where}/{json_pointer.escape(key)}", depth + 1, False))
        else:
            stack.extend((child, f"{where}/{index}", depth + 1, False) for index, child in enumerate(node))
    return None
