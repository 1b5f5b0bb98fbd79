"""OpenTrackPlan documents: a root ``opentp.yaml``, event files (``event.key``, ``taxonomy``, ``lifecycle``,
``payload.<target>`` with versions) and dictionaries (``dict.values``) that fields reference with ``dict:``.

Fields of the root ``spec.events.payload.schema`` apply to every event; an event's ``value:`` pins one.
The current version of each event's payload is imported (``$ref`` to an earlier version merged in);
other versions are reported. ``pii.kind`` becomes ``pii:``; the rest of a ``pii`` block is kept raw.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from protocol_kit.errors import InputError
from protocol_kit.plan.model import Event, Plan, Property
from protocol_kit.plan.source_map import KeyPath, RawPlan
from protocol_kit.vendors.document import Findings
from protocol_kit.vendors.extensions import with_conventions
from protocol_kit.vendors.jsonschema_in import JSON_SCHEMA_KEYWORDS, SchemaReader

# keywords of other tools' schemas, which an OpenTrackPlan field would read as keys of its own
RAW_EXTENSION = "x-protocol-kit-json-schema"



def detect(document: RawPlan) -> bool:
    return isinstance(document.data, dict) and "opentp" in document.data


def read(documents: list[RawPlan], findings: Findings, **_: Any) -> Plan:
    roots = [d for d in documents if isinstance(d.data.get("spec"), dict)]
    if len(roots) > 1:
        raise InputError("expected one opentp.yaml root document with `spec:`, found "
                         + ", ".join(d.file for d in roots))
    root = roots[0] if roots else None
    base = Path(root.file).parent if root else Path(documents[0].file).parent
    if root is None:
        findings.add("IM002", "no opentp.yaml root among the sources: fields shared by every event and "
                              "dictionaries by name are unknown", documents[0])
    dictionaries = {_dict_name(d, base): d.data["dict"] for d in documents if isinstance(d.data.get("dict"), dict)}
    spec = root.data["spec"] if root else {}
    shared = ((spec.get("events") or {}).get("payload") or {}).get("schema") or {}
    events = [_event(d, shared, dictionaries, findings) for d in documents if isinstance(d.data.get("event"), dict)]
    info = (root.data.get("info") if root else None) or {}
    plan = Plan(name=str(info.get("title") or base.name), version=str(info["version"]) if info.get("version") else None,
                description=info.get("description"), additional_properties=True,
                events=tuple(e for e in events if e is not None), source=root.file if root else str(base))
    return with_conventions(plan, ((root.data.get("x-protocol-kit") if root else None) or {}).get("conventions"))


def _dict_name(document: RawPlan, base: Path) -> str:
    path = Path(document.file)
    try:
        return str(path.relative_to(base / "dictionaries").with_suffix(""))
    except ValueError:
        return str(path.with_suffix("").name)


def _event(document: RawPlan, shared: dict, dictionaries: dict, findings: Findings) -> Event | None:
    spec = document.data["event"]
    name = str(spec.get("key"))
    payloads = spec.get("payload") or {}
    untargeted = "schema" in payloads
    if untargeted:  # a payload for every target
        payloads = {"": payloads}
    if not payloads:
        return Event(name=name, description=_action(spec))
    target, versions = next(iter(payloads.items()))
    for other in list(payloads)[1:]:
        findings.add("IM002", f"payload for target '{other}' dropped: the plan holds one payload per event "
                              f"('{target}' imported)", document, ("event", "payload", other), event=name)
    if isinstance(versions, dict) and "schema" in versions:  # an unversioned payload
        versions = {"current": "1", "1": versions}
    current = _current(versions)
    schema = _merged(versions, current, document, name, findings)
    for version in versions:
        if version not in ("current", "stable", "legacy", current) and isinstance(versions[version], dict):
            findings.add("IM002", f"version {version} dropped: the plan keeps one version of each event "
                                  f"({current} imported)", document, ("event", "payload", target, version),
                         event=name)
    fields = {**shared, **schema}
    reader = SchemaReader(document, findings, event=name)
    where = ("event", "payload") if untargeted else ("event", "payload", target, current)
    props = tuple(_property(reader, key, value, shared.get(key), dictionaries, (*where, "schema", key))
                  for key, value in fields.items())
    taxonomy = spec.get("taxonomy") or {}
    labels = tuple(sorted((f"taxonomy.{k}", str(v)) for k, v in taxonomy.items()))
    status = "deprecated" if (spec.get("lifecycle") or {}).get("status") == "deprecated" else "active"
    owner = spec.get("x-protocol-kit-owner")
    return Event(name=name, description=_action(spec), status=status, properties=props,
                 owner=owner if isinstance(owner, str) else None,
                 labels=(*labels, *((("opentp.target", str(target)), ("opentp.version", str(current)))
                                    if not untargeted else ())))


def _action(spec: dict) -> str | None:
    return spec.get("description") or (spec.get("taxonomy") or {}).get("action")


def _current(versions: dict) -> str:
    pointer = versions.get("current")
    resolved = versions.get(pointer, pointer) if pointer in ("stable", "legacy") else pointer
    if resolved not in versions:
        resolved = sorted(k for k in versions if isinstance(versions[k], dict))[-1]
    return str(resolved)


def _merged(versions: dict, version: str, document: RawPlan, name: str, findings: Findings, depth: int = 0) -> dict:
    body = versions.get(version) or {}
    base = {}
    if isinstance(body.get("$ref"), str) and depth < 16:
        if body["$ref"] not in versions:
            findings.add("IM005", f"`$ref: {body['$ref']}` names no version of this event", document,
                         ("event", "payload"), event=name)
        else:
            base = _merged(versions, body["$ref"], document, name, findings, depth + 1)
    return {**base, **(body.get("schema") or {})}


def _property(reader: SchemaReader, key: str, spec: Any, shared: Any, dictionaries: dict, path: KeyPath) -> Property:
    spec = {**(shared or {}), **(spec or {})} if isinstance(spec, dict) else dict(shared or {})
    schema = _field_schema(reader, spec, dictionaries, path)
    return reader.property(key, schema, path, required=spec.get("required") is True)


def _field_schema(reader: SchemaReader, spec: dict, dictionaries: dict, path: KeyPath) -> dict[str, Any]:
    """An OpenTrackPlan field as JSON Schema: ``value``, ``dict``, ``pii`` and ``example`` mapped, and the
    fields of an object field (each with its own ``required: true``) read the same way."""
    # `required: true` marks the field itself; a list is the JSON Schema keyword of an object field
    schema = {k: v for k, v in spec.items() if k in JSON_SCHEMA_KEYWORDS and not (k == "required" and
                                                                                not isinstance(v, list))}
    children = spec.get("properties")
    if isinstance(children, dict):
        schema["properties"] = {name: _field_schema(reader, child, dictionaries, (*path, "properties", name))
                                if isinstance(child, dict) else child for name, child in children.items()}
        required = [*(schema.get("required") or ()), *(name for name, child in children.items()
                                                         if isinstance(child, dict) and child.get("required") is True)]
        if required:
            schema["required"] = list(dict.fromkeys(required))
    if isinstance(spec.get("items"), dict):
        schema["items"] = _field_schema(reader, spec["items"], dictionaries, (*path, "items"))
    raw: dict[str, Any] = {}
    if "value" in spec:
        schema["enum"] = [spec["value"]]
    if isinstance(spec.get("dict"), str):
        values = (dictionaries.get(spec["dict"]) or {}).get("values")
        if values is None:
            reader.findings.add("IM005", f"dictionary `{spec['dict']}` names no file under dictionaries/",
                                reader.document, path, event=reader.event)
        elif "enum" not in schema:
            schema["enum"] = list(values)
    pii = spec.get("pii")
    if isinstance(pii, dict):
        schema["x-protocol-kit-pii"] = pii.get("kind", True)
        rest = {k: v for k, v in pii.items() if k != "kind"}
        if rest:
            raw["x-opentp-pii"] = rest
    if "example" in spec:
        schema["examples"] = [spec["example"]]
    if isinstance(spec.get(RAW_EXTENSION), dict):
        raw.update(spec[RAW_EXTENSION])
    for extra in sorted(set(spec) - JSON_SCHEMA_KEYWORDS - {"value", "dict", "pii", "example", RAW_EXTENSION}):
        raw[extra if extra.startswith("x-") else f"x-opentp-{extra}"] = spec[extra]
    schema.update(raw)
    return schema


def write(plan: Plan, folder: Path, findings: Findings) -> list[Path]:
    from protocol_kit.vendors.opentrackplan_write import write_plan

    return write_plan(plan, folder, findings)
