"""Scanning files: read, parse, extract tracking calls, check them, apply suppressions."""
from __future__ import annotations

import os
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
from protocol_kit.scan.project import Project
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

    @property
    def unresolved(self) -> tuple[TrackingCall, ...]:
        """The track calls whose event name could not be worked out, so were not checked."""
        return tuple(call for call in self.calls if call.event.unresolved)

    @property
    def checked(self) -> int:
        return len(self.calls) - len(self.unresolved)


def scan_paths(paths: Iterable[str | Path], *, plan: Plan | None, config: ScanConfig = ScanConfig(),
               classify_name: NameClassifier | None = None, project: Project | None = None) -> ScanResult:
    """Scan files and directories (walked, skipping dependency and build folders).

    Names the files import or take from elsewhere are resolved in ``project``
    (default: the working directory, or the folder holding every path when
    they are outside it).
    """
    paths = [Path(p) for p in paths]
    project = project or Project(project_root(paths), cache=config.cache)
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
                found, problems = _scan(source, str(path), checker=checker, config=config, project=project)
            except RecursionError:  # one file must never cost the findings of the others
                found, problems = [], [Violation.of("SC005", "skipped: nested too deeply to be read",
                                                    source=Location(file=str(path)))]
            calls.extend(found)
            violations.extend(problems)
    return ScanResult(tuple(calls), _sorted(violations), files, parsed)


def scan_source(text: str | bytes, *, path: str, plan: Plan | None, config: ScanConfig = ScanConfig(),
                classify_name: NameClassifier | None = None, project: Project | None = None) -> ScanResult:
    """Scan source code held in memory; ``path`` names the file and its language.

    Without ``project`` only the file itself is used to resolve names.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    checker = PlanChecker(plan, classify_name=classify_name or default_classifier())
    calls, violations = _scan(SourceText(data), path, checker=checker, config=config, project=project)
    return ScanResult(tuple(calls), _sorted(violations), 1, 1)


def project_root(paths: list[Path]) -> Path:
    """The working directory when every path is inside it, else the folder holding them all."""
    cwd = Path.cwd()
    absolute = [p.absolute() for p in paths] or [cwd]
    if all(p == cwd or cwd in p.parents for p in absolute):
        return cwd
    folders = [p if p.is_dir() else p.parent for p in absolute]
    return Path(os.path.commonpath([str(f) for f in folders]))


def _scan(source: SourceText, path: str, *, checker: PlanChecker, config: ScanConfig,
          project: Project | None) -> tuple[list[TrackingCall], list[Violation]]:
    syntax = syntax_for(path)
    if syntax is None or source.data is None:
        return [], []
    parsed = project.parse(source.data, path) if project is not None else SourceFile(syntax, source.data, path)
    calls = list(extract_calls(parsed, config))
    findings = [(v, call.location.line) for call in calls for v in checker.check(call)]
    if config.strict:
        findings += [(_unresolved(call), call.location.line) for call in calls if call.event.unresolved]
    note = _syntax_note(parsed)
    if note is not None:
        findings.append((note, 0))
    if MARKER in source.data:
        suppressions = find_suppressions(source.data, in_comment=parsed.in_comment)
        return calls, apply_suppressions(findings, suppressions, path)
    return calls, [v for v, _ in findings]


def _unresolved(call: TrackingCall) -> Violation:
    event = call.event
    return Violation.of("SC008", f"event name {event.reference!r} not resolved ({event.why}); the call is not checked",
                        event_type="track", source=event.location or call.location)


def _syntax_note(parsed: SourceFile) -> Violation | None:
    """SC004 for the first syntax error; SC009 (info) when every error is a known limit of the grammar."""
    errors = list(parsed.syntax_errors())
    if not errors:
        return None
    syntax = parsed.syntax
    gaps = [syntax.grammar_gap(error, parsed) for error in errors]
    real = next((error for error, gap in zip(errors, gaps) if gap is None), None)
    if real is not None:
        return Violation.of("SC004", "syntax error; only the tracking calls that could be read were checked",
                            source=parsed.location(real))
    return Violation.of("SC009", f"the {syntax.grammar_package} grammar cannot read {gaps[0]}; the file may be "
                        "valid, the calls that could be read were checked", actual=syntax.grammar_version,
                        source=parsed.location(errors[0]))


def _sorted(violations: list[Violation]) -> tuple[Violation, ...]:
    def key(v: Violation) -> tuple:
        s = v.source
        return (s.file or "", s.line or 0, s.column or 0, v.code)
    return tuple(sorted(violations, key=key))
