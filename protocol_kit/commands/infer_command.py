"""``infer``: a draft tracking plan from observed events, written where it can be loaded back from, and the
findings that need a decision (mixed types, near-duplicate names, conventions, personal data)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from protocol_kit.config import Config
from protocol_kit.errors import OptionsError
from protocol_kit.events import read_chunks
from protocol_kit.infer import PLAN_FORMATS, InferOptions, InferResult, infer_plan, write_draft
from protocol_kit.infer.settings import infer_settings
from protocol_kit.pii import rules_from_config
from protocol_kit.plan import load_plan
from protocol_kit.plan.model import Conventions
from protocol_kit.plan.naming import CONVENTIONS
from protocol_kit.report import ReportData
from protocol_kit.report.infer import from_inference
from protocol_kit.report.paths import display_path
from protocol_kit.violation import Violation

__all__ = ["CONVENTIONS", "PLAN_FORMATS", "Conventions", "DraftOptions", "InferRun", "conventions_of", "infer"]
SUFFIX_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx", ".csv": "csv"}
_TUNABLE = ("required_ratio", "format_ratio", "enum_max_values", "enum_min_count", "bounds")


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftOptions:
    out: Path  # the draft plan (.yaml, .yml, .xlsx, .csv; the format's suffix is added when it has none)
    format: str | None = None  # default: from the suffix of ``out``
    merge_into: Path | None = None  # an existing plan kept as it is: only what it does not plan is added
    inference: InferOptions = InferOptions()
    fail_on: str = "never"

    @classmethod
    def configured(cls, config: Config, *, out: Path, format: str | None = None, merge_into: Path | None = None,
                   fail_on: str | None = None, **given: Any) -> "DraftOptions":
        """``[tool.protocol-kit.infer]`` and ``[...pii]`` under the options given (None: not given): ``given``
        holds :class:`~protocol_kit.infer.InferOptions` fields (``plan_name``, ``required_ratio``...)."""
        settings = infer_settings(config)
        chosen = {key: value for key, value in given.items() if value is not None}
        tuned = {key: chosen.pop(key, getattr(settings, key)) for key in _TUNABLE}
        inference = InferOptions(**tuned, **chosen, pii_rules=rules_from_config(config.section("pii"),
                                                                                base_dir=config.root))
        return cls(out=out, format=format, merge_into=merge_into, inference=inference,
                   fail_on=fail_on or settings.fail_on)


@dataclass(frozen=True, slots=True)
class InferRun:
    result: InferResult
    written: tuple[Path, ...]  # the draft (and a csv draft's sidecar)
    findings: tuple[Violation, ...]  # located in the draft
    report: ReportData


def infer(events: Iterable[str | Path], options: DraftOptions,
          *, progress: Callable[[int], None] | None = None) -> InferRun:
    """Infer a draft plan from the events of files and folders (``-``: stdin) and write it.

    The draft's file and format are checked before anything is read; the plan merged into is
    never overwritten (:class:`~protocol_kit.errors.OptionsError`).
    """
    out, plan_format = destination(options.out, options.format)
    inference = options.inference
    if options.merge_into is not None:
        if out.resolve() == options.merge_into.resolve():
            raise OptionsError("refusing to overwrite the plan merged into (its comments and layout would be "
                               "lost): write the merged plan to another file with --out and review the difference")
        from dataclasses import replace

        inference = replace(inference, merge_into=load_plan(options.merge_into))
    inputs = tuple(str(e) for e in events)
    result = infer_plan(read_chunks(inputs), inference, progress=progress)
    written, findings = write_draft(result, out, format=plan_format)
    report = from_inference(result, findings, inputs=inputs, written=[display_path(p) for p in written])
    return InferRun(result=result, written=tuple(written), findings=tuple(findings), report=report)


def destination(out: Path, plan_format: str | None) -> tuple[Path, str]:
    """The draft's file and format: from the suffix of ``out``, or ``plan_format`` (whose suffix is added when
    ``out`` has none); a draft is always written where it can be loaded back from."""
    by_suffix = SUFFIX_FORMATS.get(out.suffix.lower())
    if by_suffix is None and out.suffix:
        raise OptionsError(f"--out {out}: a plan file ends in .yaml, .yml, .xlsx or .csv")
    if by_suffix is None:
        return out.with_suffix(f".{plan_format or 'yaml'}"), plan_format or "yaml"
    if plan_format is not None and plan_format != by_suffix:
        raise OptionsError(f"--format {plan_format} does not match --out {out} ({by_suffix})")
    return out, by_suffix


def conventions_of(text: str) -> Conventions:
    """``EVENTS,PROPERTIES`` (such as ``object_action_title,snake_case``) as the conventions to check names against."""
    events, comma, properties = text.partition(",")
    if not comma:
        raise OptionsError(f"'{text}' is not EVENTS,PROPERTIES (such as object_action_title,snake_case)")
    for style in (events, properties):
        if style not in CONVENTIONS:
            raise OptionsError(f"unknown convention '{style}'; choose from {', '.join(CONVENTIONS)} "
                               "as EVENTS,PROPERTIES (such as object_action_title,snake_case)")
    return Conventions(event_names=events, property_names=properties)
