"""Names imported between Python modules: ``from .events import X``, ``from app import events``,
``import app.events as ev``, absolute and relative, packages and their ``__init__``."""
from __future__ import annotations

import os
from dataclasses import dataclass

from protocol_kit.scan.languages.base import SourceFile
from protocol_kit.scan.model import Reference, Value


@dataclass(frozen=True, slots=True)
class Import:
    """``local`` stands for ``name`` of module ``module`` (dots first for relative; ``name`` None: the module)."""

    module: str
    name: str | None


def external(name: str, source: SourceFile) -> Value:
    head, _, rest = name.partition(".")
    table = imports_of(source)
    found = table.get(head)
    if found is None:
        for module in (i.module for key, i in table.items() if key.startswith("*")):  # ``from .events import *``
            if source.project is not None and module_file(module, source) is not None:
                value = _in_module(module, name, name, source)
                if not isinstance(value, Reference):
                    return value
        return Reference(name, "not defined in the file or imported")
    if source.project is None:
        return Reference(name, f"imported from {found.module!r} (no project to look in)")
    parts = ([found.name] if found.name else []) + (rest.split(".") if rest else [])
    for split in range(len(parts) - 1, -1, -1):  # the longest module path first: ``app.events.X``
        module = _join(found.module, ".".join(parts[:split])) if split else found.module
        if module_file(module, source) is not None:
            return _in_module(module, ".".join(parts[split:]), name, source)
    return Reference(name, f"imported from {found.module!r}, not a file of the project")


def _in_module(module: str, target: str, name: str, source: SourceFile) -> Value:
    path = module_file(module, source)
    if path is None:
        return Reference(name, f"imported from {module!r}, not a file of the project")
    parsed = source.project.module(path)  # type: ignore[union-attr]
    if parsed is None:
        return Reference(name, f"imported from {module!r}, which cannot be read")
    if not target:
        return Reference(name, f"the whole module {module!r}")
    return parsed.resolve(target)


def _join(module: str, name: str) -> str:
    return f"{module}{name}" if module.endswith(".") else f"{module}.{name}"


def module_file(module: str, source: SourceFile) -> str | None:
    """The file of a module: relative to the importing file, or absolute from a folder above it."""
    here = os.path.dirname(os.path.abspath(source.path))
    dots = len(module) - len(module.lstrip("."))
    parts = [p for p in module.lstrip(".").split(".") if p]
    if dots:
        base = here
        for _ in range(dots - 1):
            base = os.path.dirname(base)
        return _file(os.path.join(base, *parts))
    root = str(source.project.root) if source.project else here
    folder = here
    while True:
        found = _file(os.path.join(folder, *parts))
        if found or folder == root or os.path.dirname(folder) == folder or not folder.startswith(root):
            break
        folder = os.path.dirname(folder)
    return found or _file(os.path.join(root, "src", *parts))


def _file(stem: str) -> str | None:
    for candidate in (stem + ".py", os.path.join(stem, "__init__.py"), stem + ".pyi"):
        if os.path.isfile(candidate):
            return candidate
    return None


def imports_of(source: SourceFile) -> dict[str, Import]:
    table = source.cache.get("py_imports")
    if table is None:
        table = source.cache["py_imports"] = _read_imports(source)
    return table  # type: ignore[return-value]


def _read_imports(source: SourceFile) -> dict[str, Import]:
    table: dict[str, Import] = {}
    stack = list(source.tree.root_node.named_children)
    while stack:  # imports at the top level and in ``if TYPE_CHECKING:``/``try:`` blocks
        node = stack.pop()
        if node.type == "import_from_statement":
            _from_import(node, source, table)
        elif node.type == "import_statement":
            for item in node.named_children:
                if item.type == "aliased_import":
                    dotted, alias = item.child_by_field_name("name"), item.child_by_field_name("alias")
                    table[source.text(alias)] = Import(source.text(dotted), None)
                elif item.type == "dotted_name":
                    first = source.text(item.named_children[0])
                    table.setdefault(first, Import(first, None))
        elif node.type in ("if_statement", "try_statement", "block", "else_clause", "except_clause"):
            stack.extend(node.named_children)
    return table


def _from_import(node, source: SourceFile, table: dict[str, Import]) -> None:
    module_node = node.child_by_field_name("module_name")
    module = source.text(module_node).replace(" ", "")
    if any(child.type == "wildcard_import" for child in node.named_children):
        table[f"*{module}"] = Import(module, None)
    for item in node.children_by_field_name("name"):
        if item.type == "aliased_import":
            name, alias = item.child_by_field_name("name"), item.child_by_field_name("alias")
            table[source.text(alias)] = Import(module, source.text(name))
        else:
            table[source.text(item)] = Import(module, source.text(item))
