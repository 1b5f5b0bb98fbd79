const CODES: Readonly<Record<string, string>> = {
  type: "EV004", required: "EV003", additionalProperties: "EV005", enum: "EV006", const: "EV006",
  pattern: "EV007", format: "EV008", minimum: "EV009", maximum: "EV009", exclusiveMinimum: "EV009",
  exclusiveMaximum: "EV009", minLength: "EV010", maxLength: "EV010", minItems: "EV010", maxItems: "EV010",
};
const PAYLOAD_FIELDS = ["properties", "traits"];
const validators = new Map<string, ValidateFunction>();
let ajv: Ajv2020 | undefined;

function validatorFor(key: string): ValidateFunction | undefined {
  const schema = SCHEMAS[key];
  if (schema === undefined) return undefined;
  let validate = validators.get(key);
  if (validate === undefined) {
    if (ajv === undefined) {
      ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
    }
    validate = ajv.compile(schema as AnySchema);
    validators.set(key, validate);
  }
  return validate;
}

function escapePointer(part: string): string {
  return part.replace(/~/g, "~0").replace(/\//g, "~1");
}

function label(path: string): string {
  const parts = path.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const shown = parts.length > 1 && PAYLOAD_FIELDS.includes(parts[0]) ? parts.slice(1) : parts;
  return shown.reduce((text, p) => (/^\d+$/.test(p) ? `${text}[${p}]` : text ? `${text}.${p}` : p), "") || "event";
}

function fromAjv(error: ErrorObject, event: string): Violation {
  let path = error.instancePath;
  if (error.keyword === "required") path += `/${escapePointer(String(error.params.missingProperty))}`;
  if (error.keyword === "additionalProperties") path += `/${escapePointer(String(error.params.additionalProperty))}`;
  const code = CODES[error.keyword] ?? "EV011";
  const message = code === "EV003" ? /* EV003 message */
    : code === "EV005" ? /* EV005 message */
    : `property '${label(path)}' ${error.message ?? "breaks the schema"}`;
  return { code, severity: "error", event, path, message };
}

type Schema = { deprecated?: boolean; properties?: Record<string, Schema>; items?: Schema };

/** The JSON pointers of the fields of `value` that `schema` marks as deprecated. */
function deprecatedFields(schema: Schema, value: unknown, path: string): string[] {
  if (Array.isArray(value)) {
    return schema.items === undefined ? [] : value.flatMap((item, i) => deprecatedFields(schema.items as Schema, item, `${path}/${i}`));
  }
  if (typeof value !== "object" || value === null || schema.properties === undefined) return [];
  const found: string[] = [];
  for (const [name, sub] of Object.entries(schema.properties)) {
    if (!(name in value)) continue;
    const where = `${path}/${escapePointer(name)}`;
    if (sub.deprecated === true) found.push(where);
    found.push(...deprecatedFields(sub, (value as Record<string, unknown>)[name], where));
  }
  return found;
}

/** The violations of a whole payload (envelope, context and properties or traits) against the compiled schema. */
export function check(payload: Readonly<Record<string, unknown>>): Violation[] {
  const version = ((payload.context as { protocols?: { event_version?: unknown } } | undefined)?.protocols)?.event_version;
  const versioned = `track:${String(payload.event)}@${String(version)}`;
  const key = payload.type !== "track" ? String(payload.type)
    : version !== undefined && versioned in SCHEMAS ? versioned : `track:${String(payload.event)}`;
  const event = payload.type === "track" ? String(payload.event) : String(payload.type);
  const validate = validatorFor(key);
  if (validate === undefined) return [];
  const found: Violation[] = [];
  if (DEPRECATED.has(key)) {
    found.push({ code: "EV012", severity: "warning", event, path: "", message: `event '${event}' is deprecated in the plan` });
  }
  for (const path of deprecatedFields(SCHEMAS[key] as Schema, payload, "")) {
    found.push({ code: "EV012", severity: "warning", event, path, message: `property '${label(path)}' is deprecated in the plan` });
  }
  if (!validate(payload)) found.push(...(validate.errors ?? []).map((e) => fromAjv(e, event)));
  return found;
}
