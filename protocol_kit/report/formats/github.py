"""``github``: GitHub Actions workflow commands, one annotation per violation.

``::error file=F,line=L,col=C,title=CODE name::message``; warnings become
``warning`` and info ``notice``. Values are escaped as the Actions runner
expects: ``%``, CR and LF everywhere, and also ``:`` and ``,`` in properties.
"""
from __future__ import annotations

from protocol_kit.report.data import ReportData
from protocol_kit.violation import Violation

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def render(data: ReportData) -> str:
    lines = [_command(v) for v in data.violations]
    if data.violations_omitted:
        lines.append(f"::notice title=protocol-kit::{escape_data(f'{data.violations_omitted} more violations not shown')}")
    return "".join(line + "\n" for line in lines)


def _command(v: Violation) -> str:
    line = v.source.line
    props = {"file": v.source.file, "line": line, "col": v.source.column if line else None,
             "title": f"{v.code} {v.name}"}
    shown = ",".join(f"{k}={escape_property(str(val))}" for k, val in props.items() if val is not None)
    context = [part for part in (v.event, v.path) if part]
    if v.source.sheet is not None or v.source.row is not None:  # a spreadsheet: no line to annotate
        context.append(str(v.source))
    where = f" ({' '.join(context)})" if context else ""
    return f"::{LEVELS.get(v.severity, 'notice')} {shown}::{escape_data(v.message + where)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
