"""Scanning files: read, parse, extract tracking calls, check them, apply suppressions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from protocol_kit.plan.model import Plan
from protocol_kit.scan.check import PlanChecker
from protocol_kit.scan.config import ScanConfig
from protocol_kit.scan.extract import extract_calls
from protocol_kit.scan.files import SourceText, iter_source_files, read_source
from protocol_kit.scan.languages import syntax_for
from protocol_kit.scan.languages.base import SourceFile
from protocol_kit.scan.model import TrackingCall
from protocol_kit.scan.pii_names import NameClassifier, default_classifier
from protocol_kit.scan.suppress import MARKER, apply_suppressions, find_suppressions
from protocol_kit.violation import Location, Violation


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The tracking calls found and every finding, sorted by file, line and column."""

    calls: tuple[TrackingCall, ...]
    violations: tuple[Violation, ...]
    files: int = 0
    parsed: int = 0


def scan_paths(paths: Iterable[str | Path], *, plan: Plan | None, config: ScanConfig = ScanConfig(),
               classify_name: NameClassifier | None = None) -> ScanResult:
    """Scan files and directories (walked, skipping dependency and build folders)."""
    checker = PlanChecker(plan, classify_name=classify_name or default_classifier())
    needles = tuple(n.encode() for n in config.needles)
    calls: list[TrackingCall] = []
    violations: list[Violation] = []
    files = parsed = 0
    for path in iter_source_files(paths, exclude=config.exclude):
        files += 1
        source = read_source(path, config, needles)
        violations.extend(source.notes)
        if source.data is not None:
            parsed += 1
            try:
                found, problems = _scan(source, str(path), checker=checker, config=config)
            except RecursionError:  # one file must never cost the findings of the others
                found, problems = [], [Violation.of("SC005", "skipped: nested too deeply to be read",
                                                    source=Location(file=str(path)))]
            calls.extend(found)
            violations.extend(problems)
    return ScanResult(tuple(calls), _sorted(violations), files, parsed)


def scan_source(text: str | bytes, *, path: str, plan: Plan | None, config: ScanConfig = ScanConfig(),
                classify_name: NameClassifier | None = None) -> ScanResult:
    """Scan source code held in memory; ``path`` names the file and its language."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    checker = PlanChecker(plan, classify_name=classify_name or default_classifier())
    calls, violations = _scan(SourceText(data), path, checker=checker, config=config)
    return ScanResult(tuple(calls), _sorted(violations), 1, 1)


def _scan(source: SourceText, path: str, *, checker: PlanChecker,
          config: ScanConfig) -> tuple[list[TrackingCall], list[Violation]]:
    syntax = syntax_for(path)
    if syntax is None or source.data is None:
        return [], []
    parsed = SourceFile(syntax, source.data, path)
    calls = list(extract_calls(parsed, config))
    findings = [(v, call.location.line) for call in calls for v in checker.check(call)]
    error = parsed.syntax_error()
    if error is not None:
        note = Violation.of("SC004", "syntax error; only the tracking calls that could be read were checked",
                            source=parsed.location(error))
        findings.append((note, 0))
    if MARKER in source.data:
        suppressions = find_suppressions(source.data, in_comment=parsed.in_comment)
        return calls, apply_suppressions(findings, suppressions, path)
    return calls, [v for v, _ in findings]


def _sorted(violations: list[Violation]) -> tuple[Violation, ...]:
    def key(v: Violation) -> tuple:
        s = v.source
        return (s.file or "", s.line or 0, s.column or 0, v.code)
    return tuple(sorted(violations, key=key))
