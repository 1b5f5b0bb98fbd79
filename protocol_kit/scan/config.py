"""``[tool.protocol-kit.scan]``: which calls count as tracking calls, and when to fail."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, Mapping

from protocol_kit.errors import ConfigError
from protocol_kit.scan.shapes import BUILT_IN, CallShape
from protocol_kit.suggest import did_you_mean

DEFAULT_RECEIVERS = (
    "analytics", "rudderanalytics", "mixpanel", "amplitude", "amplitude.getInstance()",
    "posthog", "Analytics", "Analytics.shared()", "Analytics.with()", "Mixpanel.mainInstance()",
    # clients reached through a property or a function, and common client variable names
    "segment", "Analytics.shared", "analytics()", "posthog()", "PostHogSDK.shared", "PostHog",
    "Amplitude.instance()", "RudderClient.getInstance()", "RSClient.sharedInstance()", "rudderClient",
    "MixpanelAPI.getInstance()", "snowplow",
)
# method name -> plan call type
DEFAULT_METHODS = {
    "track": "track", "capture": "track", "logEvent": "track",
    "identify": "identify", "page": "page", "screen": "screen", "group": "group",
}
# Bare calls (``track("Signed Up")``) count only for names imported in the file.
DEFAULT_IMPORTED_FUNCTIONS = ("track", "identify", "page", "screen", "group", "logEvent")
FAIL_ON = ("info", "warning", "error", "never")
_PREFIX = re.compile(r"^(?:this\.|self\.|window\.|globalThis\.|@)")


@dataclass(frozen=True, slots=True)
class GeneratedFunction:
    """A method of a generated typed client (``protocol-kit codegen``): a track call of ``event``.

    ``keywords`` maps keyword arguments to the property they send (``None``: not
    a property, such as ``user_id``; ``"**"``: a mapping of more properties);
    without keywords, the properties are the call's first argument.
    """

    name: str
    event: str
    keywords: tuple[tuple[str, str | None], ...] = ()


NOT_FROM_TOML = frozenset({"generated_functions"})  # options set by code, never in [tool.protocol-kit.scan]


@dataclass(frozen=True, slots=True)
class ScanConfig:
    """Options of the scanner; :meth:`from_table` reads them from TOML.

    ``receivers`` are the objects whose methods are tracking calls (``this.``,
    ``self.``, ``window.`` and ``@`` prefixes are ignored); ``wrappers`` are
    the project's own functions taking ``(event, properties)``.
    """

    receivers: tuple[str, ...] = DEFAULT_RECEIVERS
    methods: tuple[str, ...] = tuple(DEFAULT_METHODS)
    wrappers: tuple[str, ...] = ()
    imported_functions: tuple[str, ...] = DEFAULT_IMPORTED_FUNCTIONS
    exclude: tuple[str, ...] = ()
    fail_on: str = "error"
    max_file_bytes: int = 2_000_000
    max_line_length: int = 1_000
    cache: bool = True
    strict: bool = False
    calls: tuple[CallShape, ...] = ()
    generated_functions: tuple[GeneratedFunction, ...] = ()  # registered by codegen targets, not read from TOML

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> "ScanConfig":
        known = {f.name.replace("_", "-"): f.name for f in fields(cls) if f.name not in NOT_FROM_TOML}
        extra = {"extend-receivers": "receivers", "extend-methods": "methods"}
        values: dict[str, Any] = {}
        for key, raw in table.items():
            if key == "calls":
                values["calls"] = _shapes(raw)
            elif key in extra:
                name = extra[key]
                values[name] = values.get(name, getattr(cls(), name)) + _strings(key, raw)
            elif key in known:
                values[known[key]] = _option(key, raw)
            else:
                suggestion = did_you_mean(key, [*known, *extra])
                raise ConfigError(f"[tool.protocol-kit.scan]: unknown option {key!r}{suggestion}")
        unknown = set(values.get("methods", ())) - set(DEFAULT_METHODS)
        if unknown:
            raise ConfigError(f"[tool.protocol-kit.scan] methods: unknown method {sorted(unknown)[0]!r}; "
                              f"known: {', '.join(DEFAULT_METHODS)}")
        return cls(**values)

    @property
    def needles(self) -> tuple[str, ...]:
        """Substrings of which a file must contain one to be worth parsing."""
        roots = {_root(r) for r in self.receivers} | {_root(w) for w in self.wrappers}
        roots |= {_root(s.receiver) if s.receiver else f"{m}(" for s in self.shapes for m in s.methods}
        functions = {*self.imported_functions, *(f.name for f in self.generated_functions)}
        return tuple(sorted(roots | {f"{name}(" for name in functions}))

    @property
    def shapes(self) -> tuple[CallShape, ...]:
        """The configured call shapes, then the built-in ones."""
        return (*self.calls, *BUILT_IN)


def _root(name: str) -> str:
    """``window.analytics`` -> ``analytics``: the name a file must mention to call the receiver."""
    return _PREFIX.sub("", name).split(".")[0].split("(")[0]


def _shapes(raw: Any) -> tuple[CallShape, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise ConfigError("[tool.protocol-kit.scan] calls: expected a list of tables ([[tool.protocol-kit.scan.calls]])")
    return tuple(CallShape.from_table(item, index) for index, item in enumerate(raw))


def _option(key: str, raw: Any) -> Any:
    if key in ("fail-on",):
        if raw not in FAIL_ON:
            raise ConfigError(f"[tool.protocol-kit.scan] {key}: expected one of {', '.join(FAIL_ON)}, got {raw!r}")
        return raw
    if key in ("cache", "strict"):
        if not isinstance(raw, bool):
            raise ConfigError(f"[tool.protocol-kit.scan] {key}: expected true or false, got {raw!r}")
        return raw
    if key.startswith("max-"):
        if not isinstance(raw, int) or isinstance(raw, bool) or raw <= 0:
            raise ConfigError(f"[tool.protocol-kit.scan] {key}: expected a positive integer, got {raw!r}")
        return raw
    return _strings(key, raw)


def _strings(key: str, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) and item for item in raw):
        raise ConfigError(f"[tool.protocol-kit.scan] {key}: expected a list of non-empty strings, got {raw!r}")
    return tuple(raw)
