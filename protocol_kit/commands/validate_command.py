"""``validate_stream``: events from files checked against a plan, the plan enforced, the run reported."""
from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping, NamedTuple, Sequence

from protocol_kit.cache import cache_folder
from protocol_kit.compile import CompiledPlan
from protocol_kit.config import Config
from protocol_kit.errors import ConfigError, OptionsError
from protocol_kit.events import read_chunks
from protocol_kit.events.reader import expand_paths
from protocol_kit.events.wire import INPUT_FORMATS
from protocol_kit.outputs import SafeOutput, check_outputs
from protocol_kit.pii import PiiRules, rules_from_config
from protocol_kit.policy import CodePolicy
from protocol_kit.report import ReportData
from protocol_kit.report.validation import from_validation
from protocol_kit.validation import ValidationReport, Validator, load_plan
from protocol_kit.validation.api import PlanLike
from protocol_kit.validation.digest import MAX_VIOLATIONS
from protocol_kit.validation.report import MODES
from protocol_kit.validation.schemas import VERSION_FALLBACKS
from protocol_kit.validation.settings import PII_MODES, SALT_ENV, ValidateSettings, salt_from, validate_settings

__all__ = ["INPUT_FORMATS", "MODES", "PII_MODES", "VERSION_FALLBACKS", "ValidateOptions", "ValidateRun",
           "ValidateSettings", "check_options", "validate_settings", "validate_stream"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidateOptions:
    plan: PlanLike | None = None
    mode: str = "report"
    valid_out: Path | None = None  # JSON Lines file of the events that pass (block and quarantine modes)
    quarantine_out: Path | None = None  # JSON Lines file of the nonconforming events (quarantine mode)
    append: bool = False  # add to valid_out and quarantine_out instead of replacing them (on success only)
    omit_unplanned: bool = False
    fail_fast: bool = False
    jobs: int = 1
    max_violations: int = MAX_VIOLATIONS
    pii: str = "flag"
    pii_rules: PiiRules | None = None
    salt: str | None = None
    policy: CodePolicy = CodePolicy()
    event_version: str = "oldest"  # which version checks payloads of a versioned event that name none
    input_format: str = "auto"  # the wire format of the input (events/wire), or detected per record
    cache: Path | None = None  # the project's cache folder: a plan file is read and compiled once per content

    @classmethod
    def configured(cls, config: Config, **given: Any) -> "ValidateOptions":
        """``given`` options (None: not given) over ``[tool.protocol-kit.validate]`` and ``[...pii]``;
        ``cache`` is given as true or false (the folder is the project's)."""
        settings = validate_settings(config)
        chosen = {key: value for key, value in given.items() if value is not None}
        cache = chosen.pop("cache", settings.cache)
        plan = chosen.pop("plan", None) or settings.plan
        if plan is None:
            several = " (several plans are configured)" if len(config.plans) > 1 else ""
            raise ConfigError(f"no plan given{several}: use --plan, or set [tool.protocol-kit.validate] plan "
                              "in pyproject.toml")
        pii = chosen.pop("pii", settings.pii)
        pii_table = config.section("pii")
        defaults = cls(plan=plan, mode=settings.mode, jobs=settings.jobs, max_violations=settings.max_violations,
                       event_version=settings.event_version,
                       pii=pii, pii_rules=rules_from_config(pii_table, base_dir=config.root),
                       salt=salt_from(pii_table) if pii == "hash" else None, policy=config.policy("validate"),
                       cache=cache_folder(config.root) if cache else None)
        return replace(defaults, **chosen)


class ValidateRun(NamedTuple):
    plan: CompiledPlan
    report: ValidationReport
    data: ReportData  # what the report formats render


def validate_stream(events: Sequence[str | Path], options: ValidateOptions,
                    *, progress: Callable[[int], None] | None = None,
                    also_written: Mapping[str, Path] = MappingProxyType({}),
                    also_read: Sequence[Path] = ()) -> ValidateRun:
    """Validate the events of files and folders (``-``: stdin), writing the outputs the mode asks for.

    Before anything is read or written, every output (``valid_out``, ``quarantine_out`` and
    ``also_written``: the report files the caller will write, by option name) is checked
    against every input (the events, the plan and ``also_read``) and against the others (:class:`~protocol_kit.errors.OutputError`).
    Outputs are written to a temporary file beside them and put in place when the run completes.
    """
    check_options(options)
    if options.plan is None:
        raise ConfigError("no plan given")
    sources = expand_paths(events)
    streams = {name: path for name, path in (("valid_out", options.valid_out),
                                              ("quarantine_out", options.quarantine_out)) if path is not None}
    plan_inputs = [options.plan] if isinstance(options.plan, (str, Path)) else []
    check_outputs({**{f"--{name.replace('_', '-')}": path for name, path in streams.items()}, **also_written},
                  [*sources, *plan_inputs, *also_read])
    plan = _plan(options.plan, options.cache)
    validator = Validator(plan, mode=options.mode, omit_unplanned=options.omit_unplanned,
                          fail_fast=options.fail_fast, jobs=options.jobs, max_violations=options.max_violations,
                          pii=options.pii, pii_rules=options.pii_rules, salt=options.salt, policy=options.policy,
                          event_version=options.event_version)
    inputs = read_chunks(sources, slices=validator.jobs > 1)
    with ExitStack() as files:
        outputs: dict[str, Any] = {name: files.enter_context(SafeOutput(path, append=options.append))
                                   for name, path in streams.items()}
        report = validator.run(inputs, progress=progress, input_format=options.input_format, **outputs)
    data = from_validation(report, inputs=tuple(str(e) for e in events), plan_version=validator.plan.version)
    return ValidateRun(plan=validator.plan, report=report, data=data)


def _plan(plan: PlanLike, cache: Path | None) -> PlanLike:
    """The plan given, read when it is a path: a plan file through the cache when there is one."""
    if not isinstance(plan, (str, Path)):
        return plan
    if cache is not None and not Path(plan).is_dir():
        from protocol_kit.compile.cache import PlanCache

        return PlanCache(cache).compiled(plan)
    return load_plan(plan)


def check_options(options: ValidateOptions) -> None:
    """Refuse options that cannot go together, before anything is read or written."""
    if options.mode == "report" and (options.valid_out or options.quarantine_out or options.omit_unplanned):
        raise OptionsError("report mode changes nothing: --valid-out, --quarantine-out and "
                           "--omit-unplanned-properties need --mode block or quarantine")
    if options.mode == "block" and options.quarantine_out:
        raise OptionsError("block mode drops nonconforming events: use --mode quarantine to keep them")
    if options.mode == "quarantine" and not options.quarantine_out:
        raise OptionsError("quarantine mode needs --quarantine-out FILE for the nonconforming events")
    if options.pii == "hash" and not options.salt:
        raise OptionsError(f"--pii hash needs a salt: set {SALT_ENV} or [tool.protocol-kit.pii] salt")
