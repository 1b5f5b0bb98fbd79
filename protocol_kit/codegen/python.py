"""Python: one module of TypedDicts and a :class:`Tracker` with one keyword-only method per planned call.

``--out`` names the module (``app/tracking.py``) or a package folder
(``app/tracking/``, holding ``__init__.py`` and ``py.typed``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from protocol_kit.codegen.header import doc_lines, header_lines
from protocol_kit.codegen.model import Call, Field, Model, Shape, embedded_json
from protocol_kit.codegen.names import PYTHON_RESERVED, NameTable, pascal, snake
from protocol_kit.codegen.target import Target

LANG = "python"
TEMPLATES = Path(__file__).parent / "templates"
# Arguments every method takes besides the planned fields; a field so named is renamed.
OPTIONS = ("user_id", "anonymous_id", "context", "timestamp", "integrations", "message_id", "extra", "self",
           "properties", "traits")
CALL_OPTIONS = {"group": ("group_id",), "page": ("name", "category"), "screen": ("name", "category")}
TRACKER_API = ("track", "identify", "group", "page", "screen", "alias", "flush", "client", "on_violation",
               "validating", "configure", "is_strict", "raise_or_warn", "datetime", "enum", "functools", "importlib",
               "os", "warnings", "dataclass")
PAYLOAD_TYPES = {"track": "Properties", "page": "Properties", "screen": "Properties",
                 "identify": "Traits", "group": "Traits"}
OPTION_ARGS = ["user_id: str | None = None", "anonymous_id: str | None = None",
               "context: dict[str, Any] | None = None", "timestamp: datetime.datetime | str | None = None",
               "integrations: dict[str, Any] | None = None", "message_id: str | None = None"]
IMPORTS = """\
from __future__ import annotations

import datetime
import enum
import functools
import importlib
import os
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Final, Literal, Mapping, Protocol, Required, Sequence, TypedDict"""


@dataclass(frozen=True, slots=True)
class Argument:
    field: Field
    name: str  # the Python name of the field


def files(model: Model, target: Target) -> dict[Path, str]:
    module, *marker = output_paths(target.out)
    return {module: render_module(model, target), **{path: "" for path in marker}}


def output_paths(out: Path) -> list[Path]:
    """The module, or a package's ``__init__.py`` and ``py.typed``."""
    return [out] if out.suffix in (".py", ".pyi") else [out / "__init__.py", out / "py.typed"]


def function_names(model: Model) -> dict[str, str]:
    """Each track event's tracker method, by event name."""
    table = NameTable(PYTHON_RESERVED, TRACKER_API)
    return {call.key: table.name(base_name(call)) for call in model.track}


def base_name(call: Call) -> str:
    """``order_completed``, and ``order_completed_v2`` for version 2 of a versioned event."""
    name = snake(call.name)
    return f"{name}_v{snake(call.version) or 'ersion'}" if call.version is not None and name else name


def tracking_functions(model: Model) -> list[tuple[str, str, tuple[tuple[str, str | None], ...]]]:
    """(method, event, keyword -> property sent) of each track event, for the scanner."""
    found, names = [], function_names(model)
    for call in model.track:
        keywords: dict[str, str | None] = {a.name: a.field.name for a in arguments(call)}
        keywords.update({option: None for option in OPTIONS if option not in ("self", "extra")})
        keywords["extra"] = "**"
        found.append((names[call.key], call.name, tuple(sorted(keywords.items()))))
    return found


def arguments(call: Call) -> list[Argument]:
    """The call's fields with their Python argument names, required ones first."""
    table = NameTable(PYTHON_RESERVED, OPTIONS + CALL_OPTIONS.get(call.call, ()))
    named = [Argument(f, table.name(snake(f.name))) for f in call.payload.fields]
    return sorted(named, key=lambda a: not a.field.required)


def render_module(model: Model, target: Target) -> str:
    types = _Types()
    payload_types = {call.key: types.typed_dict(call.payload, pascal(base_name(call)) + PAYLOAD_TYPES[call.call],
                                                 _payload_doc(call)) for call in model.calls}
    version = f", version {model.version}" if model.version else ""
    lines = [*(f"# {line}" for line in header_lines(model, LANG)),
             _docstring([f"Typed tracking calls of the tracking plan '{model.plan}'{version}.", "",
                         *doc_lines(model.description), *([""] if model.description else []),
                         "Build a :class:`Tracker` over an analytics client and call one method per planned call;",
                         "keyword arguments are typed by the plan."], 0),
             IMPORTS, "",
             f"PLAN: Final = {json.dumps(model.plan, ensure_ascii=False)}",
             f"PLAN_VERSION: Final = {_literal(model.version)}",
             f'SCHEMAS_DIGEST: Final = "{model.digest}"',
             f"SCHEMAS: Final = {_schemas_literal(model)}", "", "",
             (TEMPLATES / "runtime.py.in").read_text("utf-8").rstrip("\n"), "", "",
             *_client_protocol(model), "", "", *types.definitions, *_tracker(model, payload_types, types), "", "",
             *_module_functions(model, payload_types, types)]
    return "\n".join(lines) + "\n"


def _schemas_literal(model: Model) -> str:
    """The compiled schemas as JSON in a raw string; quotes are escaped so that no ``'''`` can end it early."""
    entries = [embedded_json({"call": c.compiled.call, "event": c.compiled.event, "file": c.compiled.file,
                              "schema": c.compiled.schema, **({"version": c.version} if c.version else {})})
               .decode("utf-8").replace("'", "\\u0027") for c in model.calls]
    return "r'''[\n" + ",\n".join(entries) + "\n]'''"


def _client_protocol(model: Model) -> list[str]:
    calls = ["track", *(c.call for c in model.calls if c.call != "track")]
    lines = ["class Client(Protocol):",
             _docstring(["An analytics client with analytics-python's calls: segment-analytics-python's",
                         "``analytics`` module or ``Client``, rudder-sdk-python, or :class:`PostHogClient`."], 4)]
    for call in calls:
        lines += ["", f"    def {call}(self, *args: Any, **kwargs: Any) -> Any: ..."]
    return lines


def _tracker(model: Model, payload_types: dict[str, str], types: "_Types") -> list[str]:
    lines = ["class Tracker:", _docstring([
        f"The planned calls of '{model.plan}', each with keyword-only arguments typed by the plan.", "",
        "``validate``: check every call against the compiled schemas with protocol_kit's validator before",
        "it is sent; ``None`` (the default) validates when protocol_kit is installed, ``True`` requires it.",
        "``on_violation``: called with the violations of a call; the default, :func:`raise_or_warn`, raises",
        ":class:`TrackingPlanError` under pytest or with PROTOCOL_KIT_STRICT=1 and warns otherwise."], 4),
        "", "    def __init__(self, client: Client, *, validate: bool | None = None,",
        "                 on_violation: ViolationHandler | None = None) -> None:",
        "        self.client = client", "        self.on_violation = on_violation or raise_or_warn",
        "        self._check = _check() if validate is not False else None",
        "        if validate and self._check is None:",
        '            raise RuntimeError("validate=True needs protocol_kit installed (pip install protocol-kit)")',
        "", "    @property", "    def validating(self) -> bool:",
        '        """Whether calls are checked against the plan before they are sent."""',
        "        return self._check is not None"]
    names = function_names(model)
    for call in model.calls:
        lines += ["", *_method(call, names.get(call.key, call.call), payload_types[call.key], types)]
    lines += ["", "    def _send(self, call: str, fields: dict[str, Any], user_id: str | None, anonymous_id: str | None,",
              "              context: dict[str, Any] | None, timestamp: datetime.datetime | str | None,",
              "              integrations: dict[str, Any] | None, message_id: str | None) -> None:",
              "        if self._check is not None:",
              "            payload = _payload(call, fields, user_id, anonymous_id, context, timestamp, message_id)",
              "            violations = self._check(payload)", "            if violations:",
              "                self.on_violation(violations, payload)",
              "        getattr(self.client, call)(user_id=user_id, anonymous_id=anonymous_id, context=context,",
              "                                   timestamp=timestamp, integrations=integrations, message_id=message_id,",
              "                                   **fields)"]
    return lines


def _module_functions(model: Model, payload_types: dict[str, str], types: "_Types") -> list[str]:
    """The module's functions: each sends its call through the tracker of :func:`configure`."""
    lines = [(TEMPLATES / "configure.py.in").read_text("utf-8").rstrip("\n")]
    names = function_names(model)
    for call in model.calls:
        name = names.get(call.key, call.call)
        signature, doc, _ = _signature(call, payload_types[call.key], types)
        passed = [f"        {p}={p}," for p in (p.split(":")[0] for p in signature)]
        lines += ["", "", f"def {name}(", "    *,", *(f"    {p}," for p in signature), ") -> None:",
                  _docstring(doc, 4),
                  f"    _tracker().{name}(", *passed, "    )"]
    return lines


def _signature(call: Call, payload_type: str, types: "_Types") -> tuple[list[str], list[str], list[Argument]]:
    """The keyword-only parameters of the call's method and function, their docstring and arguments (made once)."""
    if call.key not in types.signatures:
        types.signatures[call.key] = _make_signature(call, payload_type, types)
    return types.signatures[call.key]


def _make_signature(call: Call, payload_type: str, types: "_Types") -> tuple[list[str], list[str], list[Argument]]:
    args = arguments(call)
    planned = [_parameter(a, types.field_types[payload_type][a.field.name]) for a in args]
    before, after = {"group": (["group_id: str"], []),
                     "page": ([], ["name: str | None = None", "category: str | None = None"]),
                     "screen": ([], ["name: str | None = None", "category: str | None = None"])}.get(call.call, ([], []))
    extra = ["extra: dict[str, Any] | None = None"] if call.payload.open else []
    return [*before, *planned, *after, *extra, *OPTION_ARGS], _method_doc(call, args, payload_type), args


def _method(call: Call, name: str, payload_type: str, types: "_Types") -> list[str]:
    signature, doc, args = _signature(call, payload_type, types)
    lines = [f"    def {name}(", "        self,", "        *,", *(f"        {p}," for p in signature), "    ) -> None:",
             _docstring(doc, 8)]
    field = call.payload_field
    required = [a for a in args if a.field.required]
    literal = ", ".join(f"{json.dumps(a.field.name, ensure_ascii=False)}: {a.name}" for a in required)
    lines.append(f"        {field}: {payload_type} = {{{literal}}}")
    for a in args:
        if not a.field.required:
            sentinel = "MISSING" if a.field.shape.nullable else "None"
            lines += [f"        if {a.name} is not {sentinel}:",
                      f"            {field}[{json.dumps(a.field.name, ensure_ascii=False)}] = {a.name}"]
    sent = f"{{**(extra or {{}}), **{field}}}" if call.payload.open else field
    fields = {"track": f'{{"event": {json.dumps(call.event, ensure_ascii=False)}, "properties": {sent}}}',
              "identify": f'{{"traits": {sent}}}', "group": f'{{"group_id": group_id, "traits": {sent}}}',
              "page": f'{{"name": name, "category": category, "properties": {sent}}}',
              "screen": f'{{"name": name, "category": category, "properties": {sent}}}'}[call.call]
    sent_context = (f"_with_event_version(context, {json.dumps(call.version, ensure_ascii=False)})"
                    if call.version is not None else "context")
    lines += [f'        self._send("{call.call}", {fields},',
              f"                   user_id, anonymous_id, {sent_context}, timestamp, integrations, message_id)"]
    return lines


def _parameter(argument: Argument, annotation: str) -> str:
    if argument.field.required:
        return f"{argument.name}: {annotation}"
    if argument.field.shape.nullable:
        return f"{argument.name}: {annotation} | _Missing = MISSING"
    return f"{argument.name}: {annotation} | None = None"


def _method_doc(call: Call, args: list[Argument], payload_type: str) -> list[str]:
    doc = doc_lines(call.description) or [f"Sends the {call.name} call."]
    sends = f"Sends the track event ``{call.event}``." if call.call == "track" else f"Sends the ``{call.call}`` call."
    if call.version is not None:
        sends = sends[:-1] + f", version {call.version} (``context.protocols.event_version``)."
    doc += ["", sends + (f" Owner: {call.owner}." if call.owner else "")]
    if call.deprecated:
        doc += ["", ".. deprecated:: The plan marks this event as deprecated."]
    if args:
        doc += ["", "Args:"]
        for a in args:
            notes = _field_notes(a.field)
            wire = f" (sent as ``{a.field.name}``)" if a.name != a.field.name else ""
            doc.append(f"    {a.name}{wire}: {' '.join(notes) if notes else 'Not described in the plan.'}")
        if call.payload.open:
            doc.append("    extra: Properties the plan does not name (it accepts them).")
    doc += ["", f"The {call.payload_field} are sent as :class:`{payload_type}`."]
    return doc


def _field_notes(field: Field) -> list[str]:
    notes = [" ".join(doc_lines(field.description))] if field.description else []
    if field.shape.format:
        notes.append(f"Format: {field.shape.format}.")
    if field.shape.nullable:
        notes.append("May be None (sent as null).")
    if field.pii:
        notes.append(f"Personal data ({field.pii}).")
    if field.deprecated:
        notes.append("Deprecated in the plan.")
    return notes


def _payload_doc(call: Call) -> list[str]:
    what = f"track event ``{call.event}``" if call.call == "track" else f"``{call.call}`` call"
    description = doc_lines(call.description)
    return [f"The {call.payload_field} of the {what}.", *([""] if description else []), *description]


def py_type(shape: Shape, nested: "Callable[[Shape, str], str]", hint: str = "") -> str:
    if shape.enum is not None and shape.enum and all(isinstance(v, (str, int, bool)) for v in shape.enum):
        base = "Literal[" + ", ".join(repr(v) if isinstance(v, bool) else json.dumps(v, ensure_ascii=False)
                                      for v in shape.enum) + "]"
    elif shape.kind == "string":
        base = "str"
    elif shape.kind == "integer":
        base = "int"
    elif shape.kind == "number":
        base = "float"
    elif shape.kind == "boolean":
        base = "bool"
    elif shape.kind == "array":
        base = f"list[{py_type(shape.items, nested, hint + 'Item') if shape.items else 'Any'}]"
    elif shape.kind == "object" and shape.fields and not shape.open:
        base = nested(shape, hint)
    elif shape.kind == "object":
        base = "dict[str, Any]"
    else:
        return "Any"
    return f"{base} | None" if shape.nullable else base


class _Types:
    """The TypedDicts of a module, nested ones first, each named once."""

    def __init__(self) -> None:
        self.table = NameTable(PYTHON_RESERVED, ("Tracker", "Client", "Violation", "PostHogClient"))
        self.definitions: list[str] = []
        self.field_types: dict[str, dict[str, str]] = {}  # TypedDict name -> field name -> type
        self.signatures: dict[str, tuple[list[str], list[str], list[Argument]]] = {}  # by call name

    def typed_dict(self, shape: Shape, name: str, doc: list[str]) -> str:
        name = self.table.name(name)
        self.field_types[name] = {f.name: self._annotation(f, name) for f in shape.fields}
        rows = [(f, f"Required[{a}]" if f.required else a) for f, a in zip(shape.fields, self.field_types[name].values())]
        if all(f.name.isidentifier() and f.name not in PYTHON_RESERVED for f in shape.fields):
            lines = [f"class {name}(TypedDict, total=False):", _docstring(doc, 4)]
            for field, annotation in rows:
                lines += [f"    #: {note}" for note in _field_notes(field)]
                lines.append(f"    {field.name}: {annotation}")
        else:
            items = ", ".join(f"{json.dumps(f.name, ensure_ascii=False)}: {a}" for f, a in rows)
            lines = [f"{name} = TypedDict({json.dumps(name)}, {{{items}}}, total=False)", _docstring(doc, 0)]
        self.definitions += [*lines, "", ""]
        return name

    def _annotation(self, field: Field, owner: str) -> str:
        def nested(shape: Shape, hint: str) -> str:
            return self.typed_dict(shape, hint, [f"``{field.name}`` of :class:`{owner}`."])
        return py_type(field.shape, nested, owner + pascal(field.name))


def _literal(value: str | None) -> str:
    return "None" if value is None else json.dumps(value, ensure_ascii=False)


def _docstring(lines: list[str], indent: int) -> str:
    pad = " " * indent
    body = [line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"') for line in lines]
    if len(body) == 1:
        return f'{pad}"""{body[0]}"""'
    return "\n".join([f'{pad}"""{body[0]}', *(f"{pad}{line}".rstrip() for line in body[1:]), f'{pad}"""'])
