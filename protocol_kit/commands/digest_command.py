"""``digest``: what is new in a time window across saved validation results."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable

from protocol_kit.report import ReportData
from protocol_kit.report.load import load_result
from protocol_kit.report.window import TimedResult, digest_window, parse_time


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestOptions:
    window: timedelta = timedelta(hours=24)  # before ``now``, unless ``since`` is given
    since: datetime | None = None
    now: datetime | None = None  # default: the current time


def digest(results: Iterable[Path], options: DigestOptions = DigestOptions()) -> ReportData:
    """Saved results (``--format json`` files), each placed in time by its ``created`` or the file's time.

    Every problem of the window is new in it or seen before it; problems seen
    before and not in the window are listed as fixed (the report's comparison).
    """
    now = options.now or datetime.now(timezone.utc)
    start = options.since or now - options.window
    timed = [TimedResult(result, _produced(result.created, Path(path))) for path in results
             for result in (load_result(Path(path)),)]
    return digest_window(timed, since=start, now=now)


def _produced(created: str | None, path: Path) -> datetime:
    if created:
        return parse_time(created)
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
