"""From statistics to a draft plan: one property per path, with the evidence it rests on."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from protocol_kit.infer.evidence import TYPE_NAMES, EventEvidence, PathEvidence
from protocol_kit.infer.formats import FORMAT_TYPES
from protocol_kit.infer.options import InferOptions
from protocol_kit.infer.personal import PathJudge
from protocol_kit.infer.stats import EventStats, PathStats
from protocol_kit.plan.model import ANY_TYPE, Event, Property
from protocol_kit.plan.naming import words

# Names of identifiers and versions: never an enum, however few values they take.
ID_WORDS = frozenset("id ids uuid guid key token hash sku version build revision code ref number no".split())
TYPE_ORDER = ("string", "number", "integer", "boolean", "object", "array")


@dataclass(frozen=True, slots=True)
class DraftEvent:
    event: Event
    evidence: EventEvidence
    paths: tuple[PathEvidence, ...]  # every path of the event, parents before children


def draft_event(stats: EventStats, options: InferOptions) -> DraftEvent:
    found: list[PathEvidence] = []
    builder = _Builder(stats, options, found)
    root = f"/{stats.field}"
    properties = builder.fields(stats.payload, stats.count, (stats.field,), root)
    builder.payload_shape(root)
    event = Event(name=stats.name, call=stats.call, properties=properties,
                  additional_properties=True if stats.payload.extra_keys else None)
    evidence = EventEvidence(name=stats.name, call=stats.call, count=stats.count, first=stats.first,
                             last=stats.last, libraries=_top(stats.libraries), versions=_top(stats.versions),
                             source=str(stats.source), names=_top(stats.names))
    return DraftEvent(event, evidence, tuple(found))


class _Builder:
    def __init__(self, stats: EventStats, options: InferOptions, found: list[PathEvidence]):
        self.stats, self.options, self.found = stats, options, found

    def property(self, name: str, node: PathStats, containers: int, parents: tuple[str, ...],
                 pointer: str, *, element: bool = False) -> Property:
        """The property at ``pointer`` (``element``: the items of an array, judged by the array's name)."""
        types = {TYPE_NAMES.get(kind, kind.__name__): n for kind, n in node.types.items()}
        dominant = _dominant(types)
        fmt, matches = self._format(node, dominant)
        judged, context = (parents[-1], parents[:-1]) if element else (name, parents)
        personal = PathJudge(judged, context, rules=self.options.pii_rules)
        category, basis = personal.judge(node.samples) if dominant not in ("object", "array") else (None, None)
        enum = self._enum(name, node, dominant, fmt, category)
        required = not element and dominant is not None and node.seen / containers >= self.options.required_ratio
        examples = () if element else personal.masked(_examples(node, dominant, enum, self.options), category)
        numeric = dominant in ("integer", "number")
        self.found.append(PathEvidence(
            event=self.stats.name, call=self.stats.call, pointer=pointer, name=name, present=node.seen,
            containers=containers, types=types, dominant=dominant, mixed=_mixed(types), format=fmt,
            format_matches=matches, distinct=None if node.values is None else len(node.values),
            minimum=node.low if numeric else None, maximum=node.high if numeric else None,
            pii=category, pii_basis=basis, examples=examples, required=required, extra_keys=node.extra_keys,
            too_deep=node.too_deep))
        bounds = self.options.bounds and numeric
        inside = parents + (name,)
        return Property(
            name=name, type=_plan_type(dominant, fmt), required=required,
            nullable="null" in types and dominant is not None,
            enum=enum, format=fmt if fmt and FORMAT_TYPES[fmt] is None else None,
            minimum=node.low if bounds else None, maximum=node.high if bounds else None,
            items=self._items(node, inside, pointer) if dominant == "array" else None,
            properties=self._children(node, inside, pointer) if dominant == "object" else (),
            additional_properties=True if dominant == "object" and (node.extra_keys or node.too_deep) else None,
            pii=category, examples=examples)

    def payload_shape(self, root: str) -> None:
        """Evidence on ``properties``/``traits`` themselves when some events send them as something else."""
        payload = self.stats.payload
        others = {TYPE_NAMES.get(kind, kind.__name__): n for kind, n in payload.types.items() if kind is not dict}
        if others:
            types = {"object": payload.count(dict), **others}
            self.found.append(PathEvidence(event=self.stats.name, call=self.stats.call, pointer=root,
                                           name=self.stats.field, present=payload.seen, containers=self.stats.count,
                                           types=types, dominant="object", mixed=True))

    def _children(self, node: PathStats, parents: tuple[str, ...], pointer: str) -> tuple[Property, ...]:
        return self.fields(node, node.count(dict), parents, pointer)

    def fields(self, node: PathStats, containers: int, parents: tuple[str, ...], pointer: str) -> tuple[Property, ...]:
        """The properties of an object path; a key a plan cannot name (empty or blank) is only evidence."""
        fields = []
        for key, child in node.children.items():
            if key.strip():
                fields.append(self.property(key, child, containers, parents, f"{pointer}/{key}"))
            else:
                self.found.append(PathEvidence(event=self.stats.name, call=self.stats.call, pointer=f"{pointer}/{key}",
                                               name=key, present=child.seen, containers=containers, types={},
                                               dominant=None, mixed=False, unnamed=True))
        return tuple(fields)

    def _items(self, node: PathStats, parents: tuple[str, ...], pointer: str) -> Property | None:
        items = node.items
        if items is None or not items.seen:
            return None
        return self.property("items", items, items.seen, parents, f"{pointer}/*", element=True)

    def _format(self, node: PathStats, dominant: str | None) -> tuple[str | None, int]:
        if dominant != "string":
            return None, 0
        counts = node.string_formats()
        name, matches = max(((f, n) for f, n in counts.items() if f is not None), key=lambda p: p[1],
                            default=(None, 0))
        non_null = sum(n for kind, n in node.types.items() if kind is not type(None))
        return (name, matches) if name and matches >= self.options.format_ratio * non_null else (None, matches)

    def _enum(self, name: str, node: PathStats, dominant: str | None, fmt: str | None,
              category: str | None) -> tuple[Any, ...] | None:
        values, options = node.values, self.options
        if dominant != "string" or fmt or category or values is None or not values or _is_id(name):
            return None
        if len(values) > options.enum_max_values or min(values.values()) < options.enum_min_count:
            return None
        return tuple(sorted(values, key=lambda v: (-values[v], v)))


def _plan_type(dominant: str | None, fmt: str | None) -> str:
    """``datetime`` for a date-time string, ``string`` for an ipv4 one (its format says the rest)..."""
    if fmt and FORMAT_TYPES[fmt]:
        return FORMAT_TYPES[fmt]
    return dominant or ANY_TYPE


def _dominant(types: dict[str, int]) -> str | None:
    counts = {name: n for name, n in types.items() if name != "null"}
    if "integer" in counts and "number" in counts:
        counts["number"] += counts.pop("integer")
    if not counts:
        return None
    return max(counts, key=lambda name: (counts[name], -TYPE_ORDER.index(name) if name in TYPE_ORDER else -99))


def _mixed(types: dict[str, int]) -> bool:
    kinds = {("number" if name == "integer" else name) for name in types if name != "null"}
    return len(kinds) > 1


def _is_id(name: str) -> bool:
    parts = [w.lower() for w in words(name)]
    return bool(parts) and parts[-1] in ID_WORDS


def _examples(node: PathStats, dominant: str | None, enum: tuple | None, options: InferOptions) -> list[Any]:
    if dominant == "string":
        distinct = list(dict.fromkeys(node.samples if node.values is None else node.values))
        return distinct[:options.examples] if enum is None else []
    if dominant in ("integer", "number", "boolean"):
        return [v for v in node.examples if type(v) is not bool or dominant == "boolean"][:options.examples]
    return []


def _top(counter: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))
