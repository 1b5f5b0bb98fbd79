"""``concise``: one line per violation, ``path:line:col: CODE message``, nothing else.

The shape editors, problem matchers and pre-commit output expect; a clean
run prints nothing.
"""
from __future__ import annotations

from protocol_kit.report.data import ReportData
from protocol_kit.violation import Violation


def render(data: ReportData) -> str:
    lines = [line(v) for v in data.violations]
    if data.violations_omitted:
        lines.append(f"... and {data.violations_omitted} more")
    return "".join(f"{text}\n" for text in lines)


def line(v: Violation, code: str | None = None) -> str:
    """``code`` replaces the plain code, such as with a coloured one."""
    return f"{v.source}: {code or v.code} {one_line(v.message)}"


def one_line(text: str) -> str:
    """Line breaks shown as ``⏎`` so that one finding stays on one line."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
