"""The report formats by name. Each format is one module with a ``render(data)`` function.

Modules are imported only when their format is used, so that a run asking for
``text`` does not load openpyxl. The keys of :data:`FORMATS` feed ``--format``.
"""
from __future__ import annotations

import importlib
from typing import Callable, NamedTuple

from protocol_kit.report.data import ReportData


class Format(NamedTuple):
    name: str
    extension: str
    description: str
    binary: bool = False  # render() returns bytes
    terminal: bool = False  # render() takes width= and color= to fit a terminal

    @property
    def module(self) -> str:
        return f"protocol_kit.report.formats.{self.name}"

    def renderer(self) -> Callable[..., str | bytes]:
        return importlib.import_module(self.module).render


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "txt", "summary and digest as tables for a terminal", terminal=True),
    Format("concise", "txt", "one line per violation: path:line:col: CODE message"),
    Format("json", "json", "summary, digest and violations as one JSON document"),
    Format("jsonl", "jsonl", "one violation per line (JSON Lines)"),
    Format("csv", "csv", "the digest: one row per event, kind and path"),
    Format("xlsx", "xlsx", "Excel workbook: Summary, Digest, Violations and Events sheets", binary=True),
    Format("markdown", "md", "summary and digest for pull request comments and CI step summaries"),
    Format("html", "html", "one self-contained page with charts and a sortable, filterable digest"),
    Format("junit", "xml", "JUnit XML for CI test dashboards"),
    Format("sarif", "sarif", "SARIF 2.1.0 for code scanning tools"),
    Format("github", "txt", "GitHub Actions workflow commands (annotations)"),
    Format("segment", "jsonl", "each violation as a Segment track event `Violation Generated`"),
)}


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown report format {name!r}; known: {', '.join(FORMATS)}") from None


def render(name: str, data: ReportData, **terminal: object) -> str | bytes:
    """``data`` in format ``name``; ``terminal`` (width, color) is passed only to formats that use it."""
    fmt = get(name)
    return fmt.renderer()(data, **terminal) if fmt.terminal else fmt.renderer()(data)
