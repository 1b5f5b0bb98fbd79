"""Read a YAML plan, keeping the line and column of every key.

PyYAML keeps the last of two equal keys silently; this loader walks the
node tree itself so that duplicates become PL001 findings.
"""
from __future__ import annotations

from typing import Any

import yaml

from protocol_kit import pointer
from protocol_kit.errors import PlanError
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.violation import Location, Violation


# libyaml's parser when PyYAML was built with it: the same nodes and marks, ten times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml_plan(text: str, file: str) -> RawPlan:
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
            return _single_node(yaml.SafeLoader(text), text, file)
        if isinstance(error, yaml.MarkedYAMLError):
            raise PlanError(_describe(error), _location(file, error.problem_mark)) from None
        raise PlanError(f"not valid YAML: {error}", Location(file=file)) from None


def _convert(loader: SafeLoader, node: yaml.Node, path: KeyPath, raw: RawPlan) -> Any:
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
    loader.flatten_mapping(node)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
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


def _pointer(path: KeyPath) -> str:
    return pointer.join(path)


def _location(file: str, mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(file=file)
    return Location(file=file, line=mark.line + 1, column=mark.column + 1)


def _describe(error: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (error.context, error.problem) if p]
    start, end = error.context_mark, error.problem_mark
    if start is not None and end is not None and start.line != end.line:
        parts[0] += f" (opened at line {start.line + 1}, column {start.column + 1})"
    return "YAML syntax error: " + "; ".join(parts)
