"""Pickles of what worker processes send back, with records rebuilt from their fields.

A frozen dataclass with slots pickles its state through a generic
``__getstate__``/``__setstate__`` that looks its fields up again for every
object; a slice's tally holds thousands of them (violations, their locations,
digest rows). :func:`dumps` pickles such a record as its class and its field
values instead, and :func:`pickle.loads` rebuilds it by calling the class:
the same record, for about half the time on both sides.
"""
from __future__ import annotations

import dataclasses
import inspect
import io
import pickle
from functools import lru_cache
from typing import Any


def dumps(value: Any) -> bytes:
    """``pickle.dumps(value)``, with dataclass records pickled by their fields (read with :func:`pickle.loads`)."""
    buffer = io.BytesIO()
    _Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        names = _fields(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


@lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[str, ...] | None:
    """The fields ``cls(*values)`` takes back, for a dataclass whose ``__init__`` only stores them; else None."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        return None
    names = tuple(field.name for field in dataclasses.fields(cls))
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    if tuple(p.name for p in parameters) != names or any(p.kind is not p.POSITIONAL_OR_KEYWORD for p in parameters):
        return None  # fields left out of __init__, keyword-only fields, init-only variables
    return names
