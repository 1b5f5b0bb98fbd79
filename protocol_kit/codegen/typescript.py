"""TypeScript: one module of interfaces and a typed tracker, plus a schemas module in development mode.

``--out`` names the module (``src/analytics.ts``, with ``src/analytics.schemas.ts``
beside it) or a folder (``src/analytics/``, holding ``index.ts`` and ``schemas.ts``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from protocol_kit.codegen.header import doc_lines, header_lines
from protocol_kit.codegen.model import Call, Field, Model, Shape, embedded_json
from protocol_kit.codegen.names import TYPESCRIPT_RESERVED, NameTable, lower_camel, pascal
from protocol_kit.codegen.target import Target
from protocol_kit.messages import missing_required, unplanned_property

LANG = "typescript"
TEMPLATES = Path(__file__).parent / "templates"
# The tracker's own members: an event whose function would be called so is renamed.
TRACKER_API = ("track", "identify", "group", "page", "screen", "alias", "send", "client", "onViolation",
               "constructor", "createTracker", "currentTracker", "current", "browserClient", "posthogClient",
               "isStrict", "defaultViolationHandler", "check", "label", "fromAjv", "escapePointer", "validatorFor",
               "ajv", "validators", "withEventVersion")
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
PAYLOAD_TYPES = {"track": "Properties", "page": "Properties", "screen": "Properties",
                 "identify": "Traits", "group": "Traits"}


def files(model: Model, target: Target) -> dict[Path, str]:
    """The generated files by path: the module, and its schemas module in development mode."""
    module, schemas = _paths(target.out)
    development = target.mode == "development"
    generated = {module: render_module(model, development=development, schemas_import=f"./{schemas.stem}")}
    if development:
        generated[schemas] = render_schemas(model)
    return generated


def function_names(model: Model) -> dict[str, str]:
    """Each track event's tracker method, by event name."""
    table = NameTable(TYPESCRIPT_RESERVED, TRACKER_API)
    return {call.key: table.name(base_name(call)) for call in model.track}


def base_name(call: Call) -> str:
    """``orderCompleted``, and ``orderCompletedV2`` for version 2 of a versioned event."""
    name = lower_camel(call.name)
    return f"{name}V{pascal(call.version) or 'ersion'}" if call.version is not None and name else name


def tracking_functions(model: Model) -> list[tuple[str, str, tuple[tuple[str, str | None], ...]]]:
    """(method, event, ()) of each track event, for the scanner: the properties are the first argument."""
    names = function_names(model)
    return [(names[call.key], call.name, ()) for call in model.track]


def output_paths(out: Path) -> list[Path]:
    """Every file a target of this ``out`` may write (the schemas module only in development mode)."""
    return list(_paths(out))


def _paths(out: Path) -> tuple[Path, Path]:
    if out.suffix in (".ts", ".mts", ".cts"):
        return out, out.with_name(f"{out.stem}.schemas{out.suffix}")
    return out / "index.ts", out / "schemas.ts"


def _comment_header(model: Model) -> list[str]:
    return [f"// {line}" for line in header_lines(model, LANG)] + ["/* eslint-disable */"]


def render_schemas(model: Model) -> str:
    lines = _comment_header(model)
    lines += ["", "/** The compiled JSON Schemas (draft 2020-12) of the plan's calls, by `track:<event>` or call type. */",
              "export const SCHEMAS: Readonly<Record<string, object>> = {"]
    for call in model.calls:
        key = call.schema_key
        text = embedded_json(call.compiled.schema).decode("utf-8")
        lines.append(f"  {json.dumps(key, ensure_ascii=False)}: {_indent(text, 2)},")
    deprecated = [c.schema_key for c in model.calls if c.deprecated]
    lines += ["};", "", "/** The calls the plan marks as deprecated. */",
              f"export const DEPRECATED: ReadonlySet<string> = new Set({json.dumps(deprecated, ensure_ascii=False)});",
              ""]
    return "\n".join(lines)


def render_module(model: Model, *, development: bool, schemas_import: str) -> str:
    lines = _comment_header(model)
    if development:
        lines += ['import Ajv2020 from "ajv/dist/2020";', 'import addFormats from "ajv-formats";',
                  'import type { AnySchema, ErrorObject, ValidateFunction } from "ajv";',
                  f'import {{ DEPRECATED, SCHEMAS }} from "{schemas_import}";']
    version = json.dumps(model.version)
    lines += ["", "/** The plan this module was generated from. */",
              f"export const PLAN = {{ name: {json.dumps(model.plan)}, version: {version}, "
              f"digest: {json.dumps(model.digest)}, mode: {json.dumps('development' if development else 'production')} }} as const;",
              "", "/** The envelope's `context`, as the plan's common section defines it. */",
              f"export interface Context {_object_body(model.context, 0, force_open=True)}", "",
              (TEMPLATES / "envelope.ts").read_text("utf-8").rstrip("\n")]
    types = NameTable(TYPESCRIPT_RESERVED)
    type_names = {call.key: types.name(pascal(base_name(call)) + PAYLOAD_TYPES[call.call]) for call in model.calls}
    for call in model.calls:
        lines += ["", *_tsdoc(_payload_doc(call), 0), f"export interface {type_names[call.key]} "
                  f"{_object_body(call.payload, 0)}"]
    if development:
        lines += ["", _validation_code()]
    lines += ["", *_tracker(model, type_names, development=development), "", "let current: Tracker | undefined;", "",
              "/** A tracker sending the plan's calls through `client`; the module's functions use the last one made. */",
              "export function createTracker(client: Client, options: TrackerOptions = {}): Tracker {",
              "  current = new Tracker(client, options);", "  return current;", "}", "",
              "function currentTracker(): Tracker {",
              '  if (current === undefined) throw new Error("call createTracker(client) before sending calls");',
              "  return current;", "}"]
    names = function_names(model)
    for call in model.calls:
        parameters, arguments = _signature(call, type_names[call.key])
        name = names.get(call.key, call.call)
        lines += ["", *_tsdoc(_function_doc(call), 0), f"export function {name}({parameters}): void {{",
                  f"  currentTracker().{name}({arguments});", "}"]
    return "\n".join(lines) + "\n"


def _validation_code() -> str:
    """The development mode's checks (templates/validation.ts), with the wording of the messages that Ajv's
    errors do not give taken from the validator's own (protocol_kit.messages): they read the same."""
    place = "\x00"  # where the property's label goes
    wordings = {"EV003": missing_required(("properties", place)), "EV005": unplanned_property(("properties", place), ())}
    code = (TEMPLATES / "validation.ts").read_text("utf-8").rstrip("\n")
    for name, finding in wordings.items():
        literal = finding.message.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
        code = code.replace(f"/* {name} message */", "`" + literal.replace(place, "${label(path)}") + "`")
    return code


def _tracker(model: Model, type_names: dict[str, str], *, development: bool) -> list[str]:
    doc = [f"The planned calls of '{model.plan}', each typed by the plan and sent through the client."]
    doc.append("Development mode: every call is checked against the compiled schemas before it is sent."
               if development else "Production mode: calls are sent as they are, without checks.")
    lines = [*_tsdoc(doc, 0), "export class Tracker {", "  private readonly client: Client;"]
    if development:
        lines += ["  private readonly onViolation: ViolationHandler;", "",
                  "  constructor(client: Client, options: TrackerOptions = {}) {", "    this.client = client;",
                  "    this.onViolation = options.onViolation ?? defaultViolationHandler;", "  }"]
    else:
        lines += ["", "  constructor(client: Client, _options: TrackerOptions = {}) {", "    this.client = client;", "  }"]
    names = function_names(model)
    for call in model.calls:
        lines += ["", *_tsdoc(_function_doc(call), 1), *_method(call, names.get(call.key), type_names[call.key])]
    lines += ["", "  private send(type: keyof Client, message: TrackMessage | IdentifyMessage | GroupMessage | PageMessage): void {"]
    if development:
        lines += ["    const payload = JSON.parse(JSON.stringify({ type, ...message })) as Record<string, unknown>;",
                  "    const violations = check(payload);",
                  "    if (violations.length > 0) this.onViolation(violations, payload);"]
    lines += ["    const method = this.client[type] as unknown as ((message: object) => unknown) | undefined;",
              "    if (method === undefined) throw new Error(`the analytics client has no ${type}() method`);",
              "    method.call(this.client, message);", "  }", "}"]
    return lines


def _signature(call: Call, type_name: str) -> tuple[str, str]:
    """The parameters of the call's method and function, and the arguments that pass them on."""
    optional = " = {}" if not any(f.required for f in call.payload.fields) else ""
    if call.call == "track":
        return f"properties: {type_name}{optional}, options: CallOptions = {{}}", "properties, options"
    if call.call == "identify":
        return f"traits: {type_name}{optional}, options: CallOptions = {{}}", "traits, options"
    if call.call == "group":
        return f"groupId: string, traits: {type_name}{optional}, options: CallOptions = {{}}", "groupId, traits, options"
    return f"name: string, properties: {type_name}{optional}, options: PageOptions = {{}}", "name, properties, options"


def _method(call: Call, name: str | None, type_name: str) -> list[str]:
    parameters, _ = _signature(call, type_name)
    event = f"event: {json.dumps(call.event, ensure_ascii=False)}"
    if call.version is not None:
        event += f", context: withEventVersion(options.context, {json.dumps(call.version, ensure_ascii=False)})"
    message = {"track": f"{event}, properties", "identify": "traits",
               "group": "groupId, traits", "page": "name, properties", "screen": "name, properties"}[call.call]
    return [f"  {name or call.call}({parameters}): void {{",
            f"    this.send(\"{call.call}\", {{ ...options, {message} }});", "  }"]


def _payload_doc(call: Call) -> list[str]:
    what = f"track event `{call.event}`" if call.call == "track" else f"`{call.call}` call"
    doc = [f"The {call.payload_field} of the {what}" + (f", version {call.version}." if call.version else ".")]
    doc += doc_lines(call.description)
    if call.deprecated:
        doc.append("@deprecated The plan marks this call as deprecated.")
    return doc


def _function_doc(call: Call) -> list[str]:
    doc = doc_lines(call.description) or [f"Sends the {call.name} call."]
    sends = f"Sends the track event `{call.event}`." if call.call == "track" else f"Sends the `{call.call}` call."
    if call.version is not None:
        sends = sends[:-1] + f", version {call.version} (`context.protocols.event_version`)."
    doc += ["", sends + (f" Owner: {call.owner}." if call.owner else "")]
    if call.deprecated:
        doc.append("@deprecated The plan marks this event as deprecated.")
    return doc


def ts_type(shape: Shape, indent: int) -> str:
    if shape.enum is not None and all(isinstance(v, (str, int, float, bool)) for v in shape.enum):
        base = " | ".join(json.dumps(v, ensure_ascii=False) for v in shape.enum) or "never"
    elif shape.kind == "string":
        base = "string"
    elif shape.kind in ("integer", "number"):
        base = "number"
    elif shape.kind == "boolean":
        base = "boolean"
    elif shape.kind == "array":
        base = f"Array<{ts_type(shape.items, indent) if shape.items else 'unknown'}>"
    elif shape.kind == "object":
        base = _object_body(shape, indent) if shape.fields or not shape.open else "Record<string, unknown>"
    else:
        base = "unknown"
    if shape.nullable and base not in ("unknown", "never"):
        return f"{base} | null"
    return "null" if base == "never" and shape.nullable else base


def _object_body(shape: Shape, indent: int, *, force_open: bool = False) -> str:
    pad = "  " * (indent + 1)
    lines = ["{"]
    for field in shape.fields:
        lines += _tsdoc(_field_doc(field), indent + 1)
        mark = "" if field.required else "?"
        lines.append(f"{pad}{_key(field.name)}{mark}: {ts_type(field.shape, indent + 1)};")
    if shape.open or force_open:
        lines.append(f"{pad}[key: string]: unknown;")
    lines.append("  " * indent + "}")
    return "\n".join(lines) if len(lines) > 2 else "{}"


def _field_doc(field: Field) -> list[str]:
    doc = doc_lines(field.description)
    if field.shape.format:
        doc.append(f"Format: {field.shape.format}.")
    if field.pii:
        doc.append(f"Personal data ({field.pii}).")
    if field.deprecated:
        doc.append("@deprecated The plan marks this property as deprecated.")
    return doc


def _key(name: str) -> str:
    return name if _IDENTIFIER.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def _tsdoc(lines: list[str], indent: int) -> list[str]:
    pad = "  " * indent
    if not lines:
        return []
    if len(lines) == 1:
        return [f"{pad}/** {lines[0]} */"]
    return [f"{pad}/**", *(f"{pad} * {line}".rstrip() for line in lines), f"{pad} */"]


def _indent(text: str, spaces: int) -> str:
    return text.replace("\n", "\n" + " " * spaces)
