"""Names shared between Kotlin and Java files: the same package, explicit, static, aliased
and star imports, and enum entries whose constructor arguments are read through a property."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import tree_sitter as ts

from protocol_kit.scan.languages.base import SourceFile
from protocol_kit.scan.languages.values import agreed_value
from protocol_kit.scan.model import Literal, Reference, Value
from protocol_kit.scan.scopes import Scopes

_PACKAGE = re.compile(rb"^\s*package\s+([\w.]+)", re.M)
_IMPORT = re.compile(rb"^\s*import\s+(?:static\s+)?([\w.]+?)(\.\*)?(?:\s+as\s+(\w+))?\s*;?\s*$", re.M)


@dataclass
class Header:
    package: str = ""
    names: dict[str, str] = field(default_factory=dict)  # local name -> imported path
    stars: list[str] = field(default_factory=list)       # ``import a.b.*``


def header_of(source: SourceFile) -> Header:
    header = source.cache.get("jvm_header")
    if header is None:
        header = source.cache["jvm_header"] = _read_header(source.data)
    return header  # type: ignore[return-value]


def _read_header(data: bytes) -> Header:
    package = _PACKAGE.search(data)
    header = Header(package.group(1).decode() if package else "")
    for match in _IMPORT.finditer(data):
        path = match.group(1).decode()
        if match.group(2):
            header.stars.append(path)
        else:
            alias = match.group(3).decode() if match.group(3) else path.rpartition(".")[2]
            header.names[alias] = path
    return header


def external(name: str, source: SourceFile) -> Value:
    """``Events.SIGNED_UP``, ``PAGE_VIEWED.eventName``: from an import or the package, through the name index."""
    head, _, rest = name.partition(".")
    if source.project is None:
        return Reference(name, "not defined in the file")
    header = header_of(source)
    imported = header.names.get(head)
    if imported is not None:
        return _imported(imported, rest, name, source)
    if not head[:1].isupper():
        return Reference(name, "not defined in the file or imported")
    packages = {header.package, *header.stars}
    found = _from_files(_declaring(source, head, packages), name, name, source)
    if isinstance(found, Reference) and not source.scopes.defines(head):
        inherited = _member_of_imported(name, source, header)
        if inherited is not None:
            return inherited
    return found


def _member_of_imported(name: str, source: SourceFile, header: Header) -> Value | None:
    """``Events.SIGNED_UP`` in a class implementing the imported ``Analytics``: ``Analytics.Events.SIGNED_UP``."""
    values = []
    for local, path in header.names.items():
        package, _, declared = path.rpartition(".")
        if declared[:1].isupper():
            for module in _declaring(source, declared, {package}):
                value = module.resolve(f"{declared}.{name}")
                if not isinstance(value, Reference):
                    values.append(value)
    return agreed_value(values, name, "") if values else None


def _imported(path: str, rest: str, name: str, source: SourceFile) -> Value:
    """``import com.shop.Events`` or ``import com.shop.Event.PAGE_VIEWED``: the class is the last part the index knows."""
    parts = path.split(".")
    for split in range(len(parts) - 1, 0, -1):
        declared = parts[split]
        files = _declaring(source, declared, {".".join(parts[:split])})
        if files:
            target = ".".join([*parts[split:], *([rest] if rest else [])])
            return _from_files(files, target, name, source)
    return Reference(name, f"imported from {path!r}, not a file of the project")


def _declaring(source: SourceFile, declared: str, packages: set[str]) -> list[SourceFile]:
    files = []
    for path in source.project.files_declaring("jvm", declared):  # type: ignore[union-attr]
        module = source.project.module(path)  # type: ignore[union-attr]
        if module is not None and module is not source and header_of(module).package in packages:
            files.append(module)
    return files


def _from_files(files: Iterable[SourceFile], target: str, name: str, source: SourceFile) -> Value:
    values = [module.resolve_nested(target) for module in files]
    return agreed_value(values, name, "not defined in the file, its package or its imports")


def bind_enum_properties(scopes: Scopes, enums: Iterable[tuple[list[str], list[tuple[ts.Node, list[tuple[str | None, ts.Node]]]]]]) -> None:
    """``enum class Event(val eventName: String) { PAGE_VIEWED("Page Viewed") }``: ``PAGE_VIEWED.eventName``.

    ``enums`` gives, per enum, its constructor parameter names and its entries
    with their (label, value) arguments. The entry itself stands for its first argument.
    """
    source = scopes.source
    for parameters, entries in enums:
        for entry, arguments in entries:
            name = source.text(entry)
            positional = [value for label, value in arguments if label is None]
            labelled = {label: value for label, value in arguments if label is not None}
            for index, parameter in enumerate(parameters):
                value = labelled.get(parameter) or (positional[index] if index < len(positional) else None)
                if value is not None:
                    scopes.bind_member(entry, f"{name}.{parameter}", value)
                    scopes.bind_global(f"{name}.{parameter}", value)
            if arguments:
                scopes.bind_member(entry, name, arguments[0][1])
            scopes.bind_member(entry, f"{name}.name", Literal(name))
