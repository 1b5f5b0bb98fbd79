"""``explain``: what a finding code means and how to fix it, from the one table of codes."""
from __future__ import annotations

from protocol_kit import codes
from protocol_kit.codes_doc import explain as explanation
from protocol_kit.errors import OptionsError
from protocol_kit.suggest import did_you_mean

__all__ = ["code_list", "explain"]


def explain(code: str) -> str:
    """The explanation of ``code`` (such as ``EV003``, any case, or its name ``missing-required-property``)."""
    entry = codes.CODES.get(code.upper()) or codes.by_name(code.lower())
    if entry is None:
        names = [*codes.CODES, *(c.name for c in codes.CODES.values())]
        hint = did_you_mean(code, names, otherwise="; `protocol-kit explain --all` lists them")
        raise OptionsError(f"unknown code '{code}'{hint}")
    return explanation(entry)


def code_list() -> list[str]:
    """One line per code: the code, its name and its summary."""
    return [f"{entry.code:<7} {entry.name:<34} {entry.summary}" for entry in codes.CODES.values()]
