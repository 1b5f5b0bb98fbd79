"""A source file of another tool's plan, read with the location of every key, and the findings of an import."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protocol_kit import pointer as json_pointer
from protocol_kit.errors import PlanError
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.violation import Location, Violation

JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")


def pointer(path: KeyPath) -> str:
    """``("rules", 0, "a/b")`` -> ``/rules/0/a~1b``."""
    return json_pointer.join(path)


def read_document(path: Path) -> RawPlan:
    """A JSON or YAML file as data plus where each key was written (line and column)."""
    from protocol_kit.plan.yaml_loader import read_yaml_plan

    text = read_text(path)
    if path.suffix.lower() in YAML_SUFFIXES:
        return read_yaml_plan(text, str(path))
    return read_json_document(text, str(path))


def read_json_document(text: str, file: str) -> RawPlan:
    return JsonDocument(data=parse_json(text, Location(file=file)), file=file, text=text)


@dataclass(slots=True)
class JsonDocument(RawPlan):
    """JSON read by the JSON parser; where its keys were written is found on the first question, by the YAML
    reader (JSON is YAML's flow style), when that reads the same data: it does but for numbers such as
    ``1e5``, which YAML 1.1 reads as text, and control characters, which it refuses."""

    text: str = ""
    located: bool = False

    def location(self, path: KeyPath) -> Location:
        if not self.located:
            self.located = True
            self.locations = _yaml_locations(self.text, self.file, self.data)
        return RawPlan.location(self, path)


def _yaml_locations(text: str, file: str, data: Any) -> dict[KeyPath, Location]:
    import yaml

    from protocol_kit.plan.yaml_loader import read_yaml_plan

    try:
        located = read_yaml_plan(text, file)
    except (PlanError, yaml.YAMLError):
        return {}
    return located.locations if located.data == data else {}


def parse_json(text: str, location: Location) -> Any:
    """JSON text; an error names the line and column (counted from ``location``'s line, if it has one)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        line = error.lineno + (location.line - 1 if location.line else 0)
        raise PlanError(f"not valid JSON: {error.msg}", Location(file=location.file, line=line,
                                                                 column=error.colno)) from None


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanError(f"not UTF-8 text (byte {error.start})", Location(file=str(path))) from None
    except OSError as error:
        raise PlanError(f"cannot read: {error.strerror}", Location(file=str(path))) from None


@dataclass
class Findings:
    """The findings of one import or export, with repeated keyword drops counted once per file."""

    items: list[Violation] = field(default_factory=list)
    _dropped_keywords: Counter = field(default_factory=Counter)
    _kept_annotations: Counter = field(default_factory=Counter)

    def add(self, code: str, message: str, document: RawPlan | None = None, path: KeyPath = (), *,
            event: str | None = None) -> None:
        source = document.location(path) if document is not None else None
        self.items.append(Violation.of(code, message, event=event, path=pointer(path), source=source))

    def drop_keyword(self, document: RawPlan, keyword: str) -> None:
        self._dropped_keywords[(document.file, keyword)] += 1

    def keep_annotation(self, document: RawPlan, keyword: str) -> None:
        """An annotation (``title``, ``x-...``) kept as raw schema: counted, reported once per file."""
        self._kept_annotations[(document.file, keyword)] += 1

    def collected(self) -> list[Violation]:
        kept = [Violation.of("IM001", f"kept {count} `{keyword}` annotation(s) as raw JSON Schema (they say "
                                      "nothing about valid values)", source=Location(file=file))
                for (file, keyword), count in sorted(self._kept_annotations.items())]
        summary = [Violation.of("IM002", f"dropped {count} `{keyword}` keyword(s): schema identifiers mean "
                                         "nothing once references are resolved", source=Location(file=file))
                   for (file, keyword), count in sorted(self._dropped_keywords.items())]
        return [*self.items, *kept, *summary]
