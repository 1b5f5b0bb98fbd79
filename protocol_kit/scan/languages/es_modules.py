"""Names imported between JavaScript and TypeScript files.

ES modules (named, default and namespace imports, ``export ... from`` and
``export *`` re-exports, ``index`` barrels), CommonJS ``require`` with
``module.exports``/``exports.X``, relative paths and the ``paths``/``baseUrl``
aliases of the nearest ``tsconfig.json`` or ``jsconfig.json``.
"""
from __future__ import annotations

import json
import os
import re
from typing import NamedTuple

import tree_sitter as ts

from protocol_kit.scan.languages.base import SourceFile
from protocol_kit.scan.model import Reference, Value

EXTENSIONS = (".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
_COMMENTS = re.compile(r'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/', re.S)
_TRAILING_COMMAS = re.compile(r",(\s*[}\]])")


class Import(NamedTuple):
    """``local`` stands for ``name`` of the module ``specifier`` (``name`` None: the whole module)."""

    specifier: str
    name: str | None


class Imports:
    """The names a module imports or re-exports (``names``), and the modules of its ``export * from "x"``."""

    __slots__ = ("names", "star")

    def __init__(self) -> None:
        self.names: dict[str, Import] = {}
        self.star: list[str] = []


def external(name: str, source: SourceFile) -> Value:
    """``Events.SIGNED_UP`` where ``Events`` comes from an import (or a re-export of this module)."""
    head, _, rest = name.partition(".")
    table = imports_of(source)
    found = table.names.get(head)
    if found is None:
        for specifier in table.star:
            value = _from_module(specifier, name, source)
            if not isinstance(value, Reference):
                return value
        exported = _commonjs_export(name, source)
        return exported or Reference(name, "not defined in the file or imported")
    target = ".".join(p for p in (found.name, rest) if p)
    if not target:
        return Reference(name, f"the whole module {found.specifier!r}")
    return _from_module(found.specifier, target, source)


def _from_module(specifier: str, name: str, source: SourceFile) -> Value:
    if source.project is None:
        return Reference(name, f"imported from {specifier!r} (no project to look in)")
    path = resolve_specifier(specifier, source)
    if path is None:
        return Reference(name, f"imported from {specifier!r}, not a file of the project")
    module = source.project.module(path)
    if module is None:
        return Reference(name, f"imported from {specifier!r}, which cannot be read")
    return module.resolve(name)


def _commonjs_export(name: str, source: SourceFile) -> Value | None:
    """``module.exports = {X}`` and ``exports.X = ...`` of a file other files ``require``."""
    if b"exports" not in source.data:
        return None
    names = ("module.exports",) if name == "default" else ("module.exports." + name, "exports." + name)
    for holder in names:
        value = source.resolve(holder)
        if not isinstance(value, Reference):
            return value
    return None


def imports_of(source: SourceFile) -> Imports:
    table = source.cache.get("es_imports")
    if table is None:
        table = source.cache["es_imports"] = _read_imports(source)
    return table  # type: ignore[return-value]


def _read_imports(source: SourceFile) -> Imports:
    table = Imports()
    for statement in source.tree.root_node.named_children:
        if statement.type == "import_statement":
            _import(statement, source, table)
        elif statement.type == "export_statement":
            _export(statement, source, table)
        elif statement.type in ("lexical_declaration", "variable_declaration"):
            for declarator in statement.named_children:
                _require(declarator, source, table)
    return table


def _specifier(node: ts.Node | None, source: SourceFile) -> str | None:
    if node is None or node.type != "string":
        return None
    return "".join(source.text(c) for c in node.named_children)


def _import(statement: ts.Node, source: SourceFile, table: Imports) -> None:
    specifier = _specifier(statement.child_by_field_name("source"), source)
    clause = next((c for c in statement.named_children if c.type == "import_clause"), None)
    if specifier is None or clause is None:
        return
    for part in clause.named_children:
        if part.type == "identifier":
            table.names[source.text(part)] = Import(specifier, "default")
        elif part.type == "namespace_import":
            table.names[source.text(part.named_children[-1])] = Import(specifier, None)
        elif part.type == "named_imports":
            for item in part.named_children:
                if item.type == "import_specifier":
                    _specifier_pair(item, source, table, specifier)


def _specifier_pair(item: ts.Node, source: SourceFile, table: Imports, specifier: str) -> None:
    name = item.child_by_field_name("name")
    alias = item.child_by_field_name("alias") or name
    table.names[source.text(alias)] = Import(specifier, source.text(name))


def _export(statement: ts.Node, source: SourceFile, table: Imports) -> None:
    specifier = _specifier(statement.child_by_field_name("source"), source)
    if specifier is None:
        return
    parts = [c for c in statement.named_children if c.type in ("export_clause", "namespace_export")]
    if not parts:
        table.star.append(specifier)
    for part in parts:
        if part.type == "namespace_export":
            table.names[source.text(part.named_children[-1])] = Import(specifier, None)
            continue
        for item in part.named_children:
            if item.type == "export_specifier":
                _specifier_pair(item, source, table, specifier)


def _require(declarator: ts.Node, source: SourceFile, table: Imports) -> None:
    """``const X = require("x")`` and ``const { A, B: C } = require("x")``."""
    value = declarator.child_by_field_name("value")
    if value is None or value.type != "call_expression" or source.text(value.child_by_field_name("function")) != "require":
        return
    arguments = value.child_by_field_name("arguments").named_children
    specifier = _specifier(arguments[0], source) if arguments else None
    pattern = declarator.child_by_field_name("name")
    if specifier is None:
        return
    if pattern.type == "identifier":
        table.names[source.text(pattern)] = Import(specifier, None)
    elif pattern.type == "object_pattern":
        for item in pattern.named_children:
            if item.type == "shorthand_property_identifier_pattern":
                table.names[source.text(item)] = Import(specifier, source.text(item))
            elif item.type == "pair_pattern":
                key, local = item.child_by_field_name("key"), item.child_by_field_name("value")
                if local is not None and local.type == "identifier":
                    table.names[source.text(local)] = Import(specifier, source.text(key))


def resolve_specifier(specifier: str, source: SourceFile) -> str | None:
    """The file an import names: relative, or through the tsconfig ``paths`` and ``baseUrl``."""
    folder = os.path.dirname(os.path.abspath(source.path))
    if specifier.startswith("."):
        return _file(os.path.join(folder, specifier))
    config = _tsconfig(folder, source)
    if config is None:
        return None
    base, paths = config
    for pattern, targets in paths.items():
        prefix, star, suffix = pattern.partition("*")
        if star and specifier.startswith(prefix) and specifier.endswith(suffix) and len(specifier) >= len(pattern) - 1:
            middle = specifier[len(prefix):len(specifier) - len(suffix)]
        elif not star and specifier == pattern:
            middle = ""
        else:
            continue
        for target in targets:
            found = _file(os.path.join(base, target.replace("*", middle)))
            if found:
                return found
    return _file(os.path.join(base, specifier)) if config[0] else None


def _file(stem: str) -> str | None:
    """``./events`` -> ``events.ts``, ``events/index.ts``...; ``./events.js`` may be ``events.ts``."""
    stem = os.path.normpath(stem)
    candidates = [stem] if os.path.splitext(stem)[1] in EXTENSIONS else []
    bare = re.sub(r"\.(?:m|c)?js$", "", stem)
    candidates += [bare + ext for ext in EXTENSIONS] + [os.path.join(stem, "index" + ext) for ext in EXTENSIONS]
    return next((c for c in candidates if os.path.isfile(c)), None)


def _tsconfig(folder: str, source: SourceFile) -> tuple[str, dict[str, list[str]]] | None:
    """(base folder, paths) of the nearest tsconfig.json/jsconfig.json up to the project root."""
    project = source.project
    cache: dict = project.tables.setdefault("tsconfig", {})  # type: ignore[assignment]
    if folder in cache:
        return cache[folder]
    found = None
    for name in ("tsconfig.json", "jsconfig.json"):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            found = _read_tsconfig(path)
            break
    parent = os.path.dirname(folder)
    if found is None and parent != folder and folder != str(project.root):
        found = _tsconfig(parent, source)
    cache[folder] = found
    return found


def _read_tsconfig(path: str, depth: int = 0) -> tuple[str, dict[str, list[str]]] | None:
    try:
        text = open(path, encoding="utf-8").read()
        document = json.loads(_TRAILING_COMMAS.sub(r"\1", _COMMENTS.sub(lambda m: m.group(1) or "", text)))
    except (OSError, ValueError):
        return None
    folder = os.path.dirname(path)
    options = document.get("compilerOptions") or {}
    inherited = None
    extends = document.get("extends")
    if isinstance(extends, str) and extends.startswith(".") and depth < 5:
        target = os.path.join(folder, extends if extends.endswith(".json") else extends + ".json")
        inherited = _read_tsconfig(target, depth + 1)
    base_url = options.get("baseUrl")
    base = os.path.join(folder, base_url) if isinstance(base_url, str) else (inherited[0] if inherited else folder)
    paths = options.get("paths")
    if not isinstance(paths, dict):
        return (base, inherited[1]) if inherited else ((base, {}) if base_url else None)
    return base, {k: [t for t in v if isinstance(t, str)] for k, v in paths.items() if isinstance(v, list)}
