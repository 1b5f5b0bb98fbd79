"""``serve``: what the local collector checks events with, as ``validate`` would, and the rules of its options.

The collector itself is a front end (:mod:`protocol_kit.serve`), above this facade: the
command builds it from :class:`CollectorOptions` and the plan :func:`collector_plan` reads.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from protocol_kit.compile import CompiledPlan
from protocol_kit.config import Config
from protocol_kit.errors import ConfigError, OptionsError
from protocol_kit.pii import PiiRules, rules_from_config
from protocol_kit.plan import Plan
from protocol_kit.validation.api import load_plan
from protocol_kit.validation.schemas import VERSION_FALLBACKS
from protocol_kit.validation.settings import PII_MODES, SALT_ENV, salt_from, validate_settings

__all__ = ["MODES", "PII_MODES", "VERSION_FALLBACKS", "CollectorOptions", "collector_plan"]
MODES = ("record", "enforce")


@dataclass(frozen=True, slots=True, kw_only=True)
class CollectorOptions:
    plan: Path  # plan file or compiled schemas folder
    mode: str = "record"  # record: keep every event; enforce: conforming events pass, the rest are set aside
    pii: str = "flag"
    pii_rules: PiiRules | None = None
    salt: str | None = None  # for pii="hash"
    event_version: str = "oldest"
    fail_on: str = "error"  # [tool.protocol-kit.validate] fail-on, for the exit code on shutdown

    @classmethod
    def configured(cls, config: Config, *, plan: Path | None = None, mode: str = "record",
                   valid_out: Path | None = None, quarantine_out: Path | None = None, pii: str | None = None,
                   event_version: str | None = None) -> "CollectorOptions":
        """The options given (None: not given) over ``[tool.protocol-kit.validate]`` and ``[...pii]``."""
        if mode == "record" and (valid_out or quarantine_out):
            raise OptionsError("record mode changes nothing: --valid-out and --quarantine-out need --mode enforce")
        settings = validate_settings(config)
        plan = plan or settings.plan
        if plan is None:
            raise ConfigError("no plan given: use --plan, or set [tool.protocol-kit.validate] plan in pyproject.toml")
        pii = pii or settings.pii
        pii_table = config.section("pii")
        salt = salt_from(pii_table) if pii == "hash" else None
        if pii == "hash" and not salt:
            raise OptionsError(f"--pii hash needs a salt: set {SALT_ENV} or [tool.protocol-kit.pii] salt")
        return cls(plan=plan, mode=mode, pii=pii, pii_rules=rules_from_config(pii_table, base_dir=config.root),
                   salt=salt, event_version=event_version or settings.event_version, fail_on=settings.fail_on)


def collector_plan(options: CollectorOptions) -> Plan | CompiledPlan:
    """The plan the collector checks events against."""
    return load_plan(options.plan)
