"""``diff`` and ``changelog``: two versions of a plan compared, every change graded, or written as release notes."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from protocol_kit.commands.plans import plan_paths
from protocol_kit.config import Config
from protocol_kit.diff import FAIL_ON, DiffOptions, DiffResult, diff_against, diff_plans
from protocol_kit.diff.changelog import changelogs
from protocol_kit.diff.settings import diff_settings
from protocol_kit.errors import OptionsError
from protocol_kit.report import ReportData
from protocol_kit.report.diff import from_diffs
from protocol_kit.report.paths import display_path

__all__ = ["FAIL_ON", "ChangelogRun", "CompareOptions", "DiffRun", "changelog", "diff"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CompareOptions:
    """How two versions of a plan are compared: ``against`` a git revision (each plan with itself there)
    or, without it, the two plans given as OLD and NEW."""

    against: str | None = None  # a git revision (``merge-base``: the merge base with the target branch)
    diff: DiffOptions = DiffOptions()  # renames, accepted changes, the version-bump rule
    fail_on: str = "producer"  # what makes the run fail: an impact (producer, consumer, any, none) or a severity
    project: Config | None = None  # its plans are compared with ``against`` when none are given

    @classmethod
    def configured(cls, config: Config, *, against: str | None = None, renames: bool | None = None,
                   ignore_file: Path | None = None, require_version_bump: bool | None = None,
                   fail_on: str | None = None) -> "CompareOptions":
        """``[tool.protocol-kit.diff]`` under the options given (None: not given)."""
        settings = diff_settings(config)
        diff = DiffOptions(ignore=ignore_file or settings.ignore_file or (),
                           require_version_bump=settings.require_version_bump if require_version_bump is None
                           else require_version_bump,
                           renames=settings.renames if renames is None else renames)
        return cls(against=against, diff=diff, fail_on=fail_on or settings.fail_on, project=config)


@dataclass(frozen=True, slots=True)
class DiffRun:
    results: tuple[DiffResult, ...]  # one per plan compared
    inputs: tuple[str, ...]  # the plans, as reports name them
    report: ReportData
    fail_on: str

    @property
    def failed(self) -> bool:
        """The exit rule of ``diff``: some change at or above ``fail_on``."""
        return any(result.fails(self.fail_on) for result in self.results)


@dataclass(frozen=True, slots=True)
class ChangelogRun:
    results: tuple[DiffResult, ...]
    markdown: str


def diff(plans: Iterable[Path | str], options: CompareOptions = CompareOptions()) -> DiffRun:
    """Compare OLD and NEW (``plans``), or each plan with itself at ``options.against``; grade every change."""
    results, inputs = _compared(tuple(Path(p) for p in plans), options)
    return DiffRun(results=results, inputs=inputs, report=from_diffs(results, inputs=inputs), fail_on=options.fail_on)


def changelog(plans: Iterable[Path | str], options: CompareOptions = CompareOptions()) -> ChangelogRun:
    """The comparison :func:`diff` makes, as Markdown release notes: every change, graded by nothing (accepted
    changes and the version-bump rule are the diff's gate, not what changed)."""
    ungraded = replace(options, diff=replace(options.diff, ignore=(), require_version_bump=False))
    results, _ = _compared(tuple(Path(p) for p in plans), ungraded)
    return ChangelogRun(results=results, markdown=changelogs(results))


def _compared(plans: tuple[Path, ...], options: CompareOptions) -> tuple[tuple[DiffResult, ...], tuple[str, ...]]:
    if options.against is None:
        if len(plans) != 2:
            raise OptionsError("give OLD and NEW plans, or PLAN... --against REF")
        old, new = plans
        return (diff_plans(old, new, options.diff),), (display_path(old), display_path(new))
    paths = plan_paths(plans, options.project or Config())
    return (tuple(diff_against(path, options.against, options.diff) for path in paths),
            tuple(display_path(p) for p in paths))
