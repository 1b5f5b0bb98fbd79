"""Differences between the planned fields of one object in two plans, nested fields included.

One function per aspect of a property (presence, requiredness, type,
constraints, personal data, status, description), each yielding
:class:`~protocol_kit.diff.change.Change` records; the direction of a change
(stricter or looser) decides its code, and so its impact.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterator

from protocol_kit import pointer as json_pointer
from protocol_kit.diff.change import Change
from protocol_kit.diff.renames import pair_renames
from protocol_kit.plan.model import ANY_TYPE, Property

# type -> the types it narrows (its values are a subset of theirs)
NARROWS = {"integer": ("number",), "datetime": ("string",), "date": ("string",), "email": ("string",),
           "uri": ("string",), "uuid": ("string",)}
# bound -> True when a higher value is stricter
BOUNDS = {"minimum": True, "maximum": False, "min_length": True, "max_length": False}
ANY_ITEMS = Property(name="items")


@dataclass(frozen=True, slots=True)
class Scope:
    """Where the compared fields live, and what the plans around them say."""

    event: str | None
    call: str | None
    version: str | None = None
    old_default_open: bool = False  # nested objects without additional_properties, in the old plan
    new_default_open: bool = False
    renames: bool = True

    def change(self, code: str, text: str, path: str, **fields: Any) -> Change:
        return Change(code, text, event=self.event, call=self.call, version=self.version, path=path, **fields)


def diff_fields(old: tuple[Property, ...], new: tuple[Property, ...], scope: Scope, *, prefix: str,
                old_open: bool, new_open: bool, required_counts: bool = True) -> Iterator[Change]:
    """The changes between the fields of an object: ``old_open``/``new_open`` say whether it accepts
    unplanned properties; ``required_counts`` is False where the compiled schema requires nothing."""
    if old == new:
        return
    old_by = {p.name: p for p in old}
    new_by = {p.name: p for p in new}
    removed = [p for p in old if p.name not in new_by]
    added = [p for p in new if p.name not in old_by]
    pairs = pair_renames(removed, added) if scope.renames and removed and added else []
    renamed_to = {n.name: o for o, n in pairs}
    renamed_from = {o.name for o, _ in pairs}
    for prop in new:
        path = _join(prefix, prop.name)
        before = old_by.get(prop.name)
        if before is not None:
            if before != prop:
                yield from diff_property(before, prop, scope, path=path, required_counts=required_counts)
        elif prop.name in renamed_to:
            yield _renamed(renamed_to[prop.name], prop, scope, path, new_open, required_counts)
        else:
            yield _added(prop, scope, path, old_open, required_counts)
    for prop in removed:
        if prop.name not in renamed_from:
            code = "DF105" if new_open else "DF104"
            yield scope.change(code, "removed", _join(prefix, prop.name), old=prop.name, source=prop.location)


def diff_property(old: Property, new: Property, scope: Scope, *, path: str,
                  required_counts: bool = True) -> Iterator[Change]:
    if required_counts and old.required != new.required:
        code, text = ("DF107", "now required") if new.required else ("DF108", "now optional")
        yield scope.change(code, text, path, old=old.required, new=new.required, source=new.location)
    yield from diff_shape(old, new, scope, path=path)


def diff_shape(old: Property, new: Property, scope: Scope, *, path: str) -> Iterator[Change]:
    """Everything but presence and requiredness, then the nested fields and array elements."""
    relation = type_relation(old.type, new.type)
    if relation:
        code = {"narrowed": "DF201", "widened": "DF202", "changed": "DF203"}[relation]
        yield scope.change(code, f"type {relation} from {old.type} to {new.type}", path,
                           old=old.type, new=new.type, source=new.location)
    if old.nullable != new.nullable:
        code, text = ("DF109", "now accepts null") if new.nullable else ("DF110", "no longer accepts null")
        yield scope.change(code, text, path, old=old.nullable, new=new.nullable, source=new.location)
    if relation != "changed":
        yield from _constraints(old, new, scope, path)
    yield from _pii(old, new, scope, path)
    if old.deprecated != new.deprecated:
        code, text = ("DF004", "now deprecated") if new.deprecated else ("DF005", "no longer deprecated")
        yield scope.change(code, text, path, old=old.deprecated, new=new.deprecated, source=new.location)
    if old.description != new.description:
        yield scope.change("DF401", "description changed", path, old=old.description, new=new.description,
                           source=new.location)
    if relation == "changed":
        return
    if old.type == new.type == "object":
        yield from _object(old, new, scope, path)
    if old.items is not None or new.items is not None:
        yield from diff_shape(old.items or ANY_ITEMS, new.items or ANY_ITEMS, scope, path=f"{path}/*")


def type_relation(old: str, new: str) -> str | None:
    """``narrowed`` (every new value was an old one), ``widened``, ``changed``, or None when equal."""
    if old == new:
        return None
    if old == ANY_TYPE or old in NARROWS.get(new, ()):
        return "narrowed"
    if new == ANY_TYPE or new in NARROWS.get(old, ()):
        return "widened"
    return "changed"


def object_open(prop: Property, default_open: bool) -> bool:
    """Whether a nested object accepts unplanned properties, as the compiler decides it."""
    if prop.additional_properties is not None:
        return prop.additional_properties
    return default_open if prop.properties else True


def openness_change(old_open: bool, new_open: bool, scope: Scope, path: str, source) -> Change | None:
    if old_open == new_open:
        return None
    if new_open:
        return scope.change("DF209", "now accepts unplanned properties", path, old=False, new=True, source=source)
    return scope.change("DF210", "no longer accepts unplanned properties", path, old=True, new=False, source=source)


def _object(old: Property, new: Property, scope: Scope, path: str) -> Iterator[Change]:
    old_open, new_open = object_open(old, scope.old_default_open), object_open(new, scope.new_default_open)
    inherited = old.additional_properties is None and new.additional_properties is None and (
        bool(old.properties) and bool(new.properties))  # the plan's default changed: reported once for the plan
    if not inherited:
        change = openness_change(old_open, new_open, scope, path, new.location)
        if change:
            yield change
    yield from diff_fields(old.properties, new.properties, scope, prefix=path, old_open=old_open, new_open=new_open)


def _constraints(old: Property, new: Property, scope: Scope, path: str) -> Iterator[Change]:
    yield from _enum(old, new, scope, path)
    for key, label in (("pattern", "pattern"), ("format", "format")):
        before, after = getattr(old, key), getattr(new, key)
        if before == after:
            continue
        if before is None:
            code, text = "DF206", f"{label} {after!r} added"
        elif after is None:
            code, text = "DF207", f"{label} {before!r} removed"
        else:
            code, text = "DF208", f"{label} changed from {before!r} to {after!r}"
        yield scope.change(code, text, path, old=before, new=after, source=new.location)
    for key, higher_is_stricter in BOUNDS.items():
        before, after = getattr(old, key), getattr(new, key)
        if before == after:
            continue
        if before is None or after is None:
            stricter = before is None
            text = f"{key} {after} added" if stricter else f"{key} {before} removed"
        else:
            stricter = (after > before) == higher_is_stricter
            text = f"{key} {'raised' if after > before else 'lowered'} from {before} to {after}"
        yield scope.change("DF206" if stricter else "DF207", text, path, old=before, new=after, source=new.location)


def _enum(old: Property, new: Property, scope: Scope, path: str) -> Iterator[Change]:
    before, after = old.enum, new.enum
    if before == after:
        return
    if before is None:
        yield scope.change("DF206", f"allowed values now limited to {_values(after)}", path,
                           new=list(after), source=new.location)
        return
    if after is None:
        yield scope.change("DF207", "allowed values no longer limited", path, old=list(before), source=new.location)
        return
    removed = [v for v in before if v not in after]
    added = [v for v in after if v not in before]
    if removed:
        yield scope.change("DF205", f"allowed values removed: {_values(removed)}", path, old=removed,
                           source=new.location)
    if added:
        yield scope.change("DF204", f"allowed values added: {_values(added)}", path, new=added, source=new.location)


def _pii(old: Property, new: Property, scope: Scope, path: str) -> Iterator[Change]:
    before, after = _category(old.pii), _category(new.pii)
    if before == after:
        return
    if before is None:
        yield scope.change("DF301", f"declared personal data ({after})", path, old=old.pii, new=new.pii,
                           source=new.location)
    elif after is None:
        yield scope.change("DF302", f"no longer declared personal data (was {before})", path, old=old.pii,
                           new=new.pii, source=new.location)
    else:
        yield scope.change("DF303", f"personal data category changed from {before} to {after}", path,
                           old=old.pii, new=new.pii, source=new.location)


def _category(pii: str | bool | None) -> str | None:
    """The declared category, ``personal`` for ``pii: true``; None for undeclared or ``pii: false``."""
    if pii is True:
        return "personal"
    return pii if isinstance(pii, str) else None


def _added(prop: Property, scope: Scope, path: str, old_open: bool, required_counts: bool) -> Change:
    if prop.required and required_counts:
        return scope.change("DF103", f"added, required ({prop.type})", path, new=prop.name, source=prop.location)
    code = "DF102" if old_open else "DF101"
    return scope.change(code, f"added ({prop.type})", path, new=prop.name, source=prop.location)


def _renamed(old: Property, new: Property, scope: Scope, path: str, new_open: bool, required_counts: bool) -> Change:
    breaks = not new_open or (new.required and required_counts)
    return replace(scope.change("DF106", f"possibly renamed from '{old.name}' (same shape, close name)", path,
                                old=old.name, new=new.name, source=new.location), producer=breaks)


def _join(prefix: str, name: str) -> str:
    """``prefix`` and one more step of a JSON pointer (RFC 6901 escaping)."""
    return json_pointer.join([name], prefix)


def _values(values) -> str:
    return ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values)
