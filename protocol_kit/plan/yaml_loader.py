"""Read a YAML plan, keeping the line and column of every key.

PyYAML keeps the last of two equal keys silently; this loader walks the
node tree itself so that duplicates become PL001 findings.

Hostile plans are bounded before any node is built: the parser's events are
counted first, and a plan nesting deeper than ``MAX_YAML_DEPTH``, using more
than ``MAX_YAML_ALIASES`` aliases or growing beyond ``MAX_YAML_NODES`` nodes
once its aliases are expanded (an "anchor bomb") is refused with its line.
Tags other than YAML's standard ones (``!!python/name:...``) are PL003
findings; the value is read as if it had none. No tag ever runs code.
"""
from __future__ import annotations

from typing import Any

import yaml

from protocol_kit import pointer
from protocol_kit.errors import PlanError
from protocol_kit.limits import MAX_YAML_ALIASES, MAX_YAML_DEPTH, MAX_YAML_NODES
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.violation import Location, Violation


# libyaml's parser when PyYAML was built with it: the same nodes and marks, ten times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


STANDARD_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "merge", "omap", "pairs", "set",
    "value"))


def read_yaml_plan(text: str, file: str) -> RawPlan:
    _check_size(text, file)
    loader = SafeLoader(text)
    try:
        root = _single_node(loader, text, file)
    finally:
        loader.dispose()
    if root is None:
        raise PlanError("the plan is empty: expected a mapping with `plan:` and `events:`", Location(file=file))
    raw = RawPlan(data={}, file=file)
    data = _convert(loader, root, (), raw)
    if not isinstance(data, dict):
        raise PlanError("a plan must be a mapping with `plan:` and `events:` at the top",
                        _location(file, root.start_mark))
    raw.data = data
    return raw


def _single_node(loader: SafeLoader, text: str, file: str) -> yaml.Node | None:
    try:
        return loader.get_single_node()
    except yaml.YAMLError as error:
        if not isinstance(loader, yaml.SafeLoader):  # say it as the pure-Python parser does, wherever this runs
            try:
                pure = yaml.SafeLoader(text)
            except yaml.YAMLError as reader_error:  # it checks the characters as it starts
                raise PlanError(_describe_any(reader_error), Location(file=file)) from None
            return _single_node(pure, text, file)
        if isinstance(error, yaml.MarkedYAMLError):
            raise PlanError(_describe(error), _location(file, error.problem_mark)) from None
        raise PlanError(f"not valid YAML: {error}", Location(file=file)) from None


def _check_size(text: str, file: str) -> None:
    """Refuse a plan too deep, with too many aliases or too big once expanded, from the parser's events alone."""
    depth = aliases = 0
    sizes: dict[str, int] = {}  # anchor -> nodes it expands to
    open_nodes: list[list] = [[None, 0]]  # [anchor, nodes so far] per open collection
    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_YAML_ALIASES:
                    _too_big(f"more than {MAX_YAML_ALIASES} aliases", file, event)
                open_nodes[-1][1] += sizes.get(event.anchor, 1)
            elif isinstance(event, yaml.ScalarEvent):
                open_nodes[-1][1] += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    _too_big(f"nested more than {MAX_YAML_DEPTH} levels deep", file, event)
                open_nodes.append([event.anchor, 1])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                anchor, size = open_nodes.pop()
                if anchor:
                    sizes[anchor] = size
                open_nodes[-1][1] += size
            if open_nodes[0][1] + sum(n[1] for n in open_nodes[1:]) > MAX_YAML_NODES:
                _too_big(f"more than {MAX_YAML_NODES:,} values once its aliases are expanded", file, event)
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem):  # libyaml's own limit, met while looking ahead
            raise PlanError(f"the plan is nested more than {MAX_YAML_DEPTH} levels deep; refusing to read it",
                            _location(file, error.problem_mark)) from None
        # anything else: the full parse below says what is wrong, and where
    except yaml.YAMLError:
        pass


def _too_big(problem: str, file: str, event: yaml.Event) -> None:
    raise PlanError(f"the plan is {problem}; refusing to read it", _location(file, event.start_mark))


def _standard(node: yaml.Node, path: KeyPath, raw: RawPlan) -> yaml.Node:
    """``node``, without its tag (and a PL003 finding) when the tag is not one of YAML's standard ones."""
    if node.tag in STANDARD_TAGS:
        return node
    tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
    raw.findings.append(Violation.of("PL003", f"unsupported YAML tag '{tag}'; the value is read as plain text",
                                     path=_pointer(path), source=_location(raw.file, node.start_mark)))
    return _untagged(node)


def _convert(loader: SafeLoader, node: yaml.Node, path: KeyPath, raw: RawPlan) -> Any:
    node = _standard(node, path, raw)
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(loader, node, path, raw)
    if isinstance(node, yaml.SequenceNode):
        result = []
        for index, item in enumerate(node.value):
            raw.locations[(*path, index)] = _location(raw.file, item.start_mark)
            result.append(_convert(loader, item, (*path, index), raw))
        return result
    return loader.construct_object(node, deep=True)


def _convert_mapping(loader: SafeLoader, node: yaml.MappingNode, path: KeyPath, raw: RawPlan) -> dict:
    try:
        loader.flatten_mapping(node)
    except yaml.MarkedYAMLError as error:  # a merge key (<<) of something that is not a mapping
        raise PlanError(_describe(error).replace("YAML syntax error", "YAML error"),
                        _location(raw.file, error.problem_mark)) from None
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(_standard(key_node, path, raw), deep=True)
        where = _location(raw.file, key_node.start_mark)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise PlanError("keys must be plain scalars", where)
        key = str(key) if not isinstance(key, str) else key
        if key in result:
            first = raw.locations[(*path, key)]
            raw.findings.append(Violation.of(
                "PL001", f"duplicate key '{key}' (first defined at line {first.line}); the first value would be lost",
                path=_pointer((*path, key)), source=where))
        raw.locations[(*path, key)] = where
        result[key] = _convert(loader, value_node, (*path, key), raw)
    return result


def _untagged(node: yaml.Node) -> yaml.Node:
    if isinstance(node, yaml.ScalarNode):
        return yaml.ScalarNode("tag:yaml.org,2002:str", node.value, node.start_mark, node.end_mark)
    kind = yaml.MappingNode if isinstance(node, yaml.MappingNode) else yaml.SequenceNode
    name = "map" if kind is yaml.MappingNode else "seq"
    return kind(f"tag:yaml.org,2002:{name}", node.value, node.start_mark, node.end_mark)


def _pointer(path: KeyPath) -> str:
    return pointer.join(path)


def _location(file: str, mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(file=file)
    return Location(file=file, line=mark.line + 1, column=mark.column + 1)


def _describe_any(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.MarkedYAMLError):
        return _describe(error)
    if isinstance(error, yaml.reader.ReaderError):
        return f"not valid YAML: character #x{error.character:04x} at position {error.position} is not allowed"
    return "not valid YAML: " + str(error).splitlines()[0]


def _describe(error: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (error.context, error.problem) if p]
    start, end = error.context_mark, error.problem_mark
    if start is not None and end is not None and start.line != end.line:
        parts[0] += f" (opened at line {start.line + 1}, column {start.column + 1})"
    return "YAML syntax error: " + "; ".join(parts)
