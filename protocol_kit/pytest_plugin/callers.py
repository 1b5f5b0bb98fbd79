"""Which line of the application, and of the test, made a tracking call."""
from __future__ import annotations

import importlib.util
import os
import sys
from functools import cache, lru_cache
from pathlib import Path

from protocol_kit.pytest_plugin.sdks import PACKAGES
from protocol_kit.violation import Location

_PLUGIN = os.path.dirname(__file__) + os.sep


@cache
def _library_folders() -> tuple[str, ...]:
    """The folders whose frames are not the application's: the SDKs' packages and the plugin's own."""
    folders = [_PLUGIN]
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                folders.extend({folder.rstrip(os.sep) + os.sep, str(Path(folder).resolve()) + os.sep})
    return tuple(folders)


def call_sites(test_file: str | None) -> tuple[Location, Location | None]:
    """(the first line outside the SDKs that led to the current call, the line of ``test_file`` that did).

    Called from inside an SDK: walks the stack up from there, judging each function's file once.
    """
    frame = sys._getframe(1)
    application = None
    cwd = None
    judged = _applications
    while frame is not None:
        file = frame.f_code.co_filename
        if application is None:
            mine = judged.get(file)
            if mine is None:
                mine = judged[file] = _in_application(file)
            if mine:
                cwd = os.getcwd()
                application = _location(file, frame.f_lineno, cwd)
        if file == test_file:
            line = _location(file, frame.f_lineno, cwd or os.getcwd())
            return application or line, line
        frame = frame.f_back
    return application or Location(), None


_applications: dict[str, bool] = {}  # file -> whether its code is the application's


def _in_application(file: str) -> bool:
    return not file.startswith(_library_folders()) and not file.startswith("<")


@lru_cache(maxsize=4096)
def _location(file: str, line: int, cwd: str) -> Location:
    return Location(file=_shown(file, cwd), line=line)


@cache
def _shown(file: str, cwd: str) -> str:
    """A path relative to the working directory when it is below it."""
    try:
        return str(Path(file).relative_to(cwd))
    except ValueError:
        return file
