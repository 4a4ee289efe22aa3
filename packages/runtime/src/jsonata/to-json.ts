import { setOwn } from "../data/json-values.ts";

/** Outcome of turning a JSONata value into plain JSON. */
export type JsonConversion =
  | { readonly kind: "json"; readonly value: unknown }
  /** The whole value is `undefined`: AWS says the expression "returned nothing". */
  | { readonly kind: "undefined" }
  /** A function, regex or other non-JSON value somewhere inside. */
  | { readonly kind: "unsupported" };

const UNSUPPORTED = Symbol("unsupported");

/**
 * Converts a JSONata result to plain JSON: sequences (arrays flagged `sequence`, `keepSingleton`,
 * …) become fresh plain arrays, object keys holding `undefined` are dropped (JSONata's object
 * constructor semantics), `-0` becomes `0`, and functions make the result unsupported.
 */
export function toPlainJson(value: unknown): JsonConversion {
  if (value === undefined) return { kind: "undefined" };
  const converted = convert(value);
  return converted === UNSUPPORTED ? { kind: "unsupported" } : { kind: "json", value: converted };
}

function convert(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON has no -0, NaN or Infinity; JSON.stringify writes the latter two as null [?].
      if (!Number.isFinite(value)) return null;
      return value === 0 ? 0 : value;
    case "object":
      if (value === null) return null;
      if (Array.isArray(value)) return convertArray(value);
      if (isJsonataFunction(value)) return UNSUPPORTED;
      return convertObject(value as Record<string, unknown>);
    default:
      // function, symbol, bigint: nothing JSON can hold.
      return UNSUPPORTED;
  }
}

function convertArray(values: readonly unknown[]): unknown {
  const out: unknown[] = [];
  for (const item of values) {
    // JSONata sequences never keep undefined members; drop any that slipped in.
    if (item === undefined) continue;
    const converted = convert(item);
    if (converted === UNSUPPORTED) return UNSUPPORTED;
    out.push(converted);
  }
  return out;
}

function convertObject(record: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (member === undefined) continue;
    const converted = convert(member);
    if (converted === UNSUPPORTED) return UNSUPPORTED;
    // setOwn: a `__proto__` key (e.g. from $parse) must stay a key, not become the prototype.
    setOwn(out, key, converted);
  }
  return out;
}

/** JSONata lambdas and built-ins are plain objects carrying one of these markers. */
function isJsonataFunction(value: object): boolean {
  const marked = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return marked._jsonata_lambda === true || marked._jsonata_function === true;
}
