import { setOwn } from "../data/json-values.ts";

/** Outcome of turning a JSONata value into plain JSON. */
export type JsonConversion =
  | { readonly kind: "json"; readonly value: unknown }
  /** The whole value is `undefined`: AWS says the expression "returned nothing". */
  | { readonly kind: "undefined" }
  /** A function, regex or other non-JSON value somewhere inside. */
  | { readonly kind: "unsupported" };

const UNSUPPORTED = Symbol("unsupported");
const UNDEFINED_RESULT: JsonConversion = { kind: "undefined" };
const UNSUPPORTED_RESULT: JsonConversion = { kind: "unsupported" };

/**
 * Own properties JSONata 2.x puts on the arrays it builds (sequence bookkeeping; `cons` is
 * non-enumerable, `push` is overridden on sequences with a size limit). An array carrying any of
 * them is JSONata's, not plain JSON, and is copied.
 */
const JSONATA_ARRAY_MARKERS = ["sequence", "keepSingleton", "tupleStream", "outerWrapper", "cons", "push"] as const;

/**
 * Converts a JSONata result to plain JSON: sequences (arrays flagged `sequence`, `keepSingleton`,
 * …) become fresh plain arrays, object keys holding `undefined` are dropped (JSONata's object
 * constructor semantics), `-0` becomes `0`, and functions make the result unsupported.
 *
 * Parts that already are plain JSON are returned as they are, not copied: results mostly embed
 * the state input (`$merge([$states.input, …])`), and copying a big input on every state was the
 * largest cost of a JSONata Pass chain after JSONata itself. Payloads are immutable, so sharing
 * them is safe (the JSONPath side shares the same way).
 */
export function toPlainJson(value: unknown): JsonConversion {
  if (value === undefined) return UNDEFINED_RESULT;
  const converted = convert(value);
  return converted === UNSUPPORTED ? UNSUPPORTED_RESULT : { kind: "json", value: converted };
}

/** The plain JSON for `value`: `value` itself when nothing inside needs converting. */
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

/**
 * Objects and arrays already found to be plain JSON. Payloads are immutable, so they stay plain:
 * a result that embeds the state input (or the previous state's output) is then checked down to
 * the parts that are new, not through the whole input on every state. Only objects and arrays
 * with many members are remembered: for small, short-lived ones the WeakSet entry costs the
 * garbage collector more than walking them again (measured: b0 and e JSONata lost 40-50% when
 * every object was remembered).
 */
const verifiedPlain = new WeakSet<object>();
const REMEMBER_FROM_MEMBERS = 8;

function convertArray(values: readonly unknown[]): unknown {
  if (verifiedPlain.has(values)) return values;
  // Copy-on-first-change: `out` stays null while every item converts to itself (Object.is, so
  // a -0 turned into 0 counts as a change).
  let out: unknown[] | null = isPlainArray(values) ? null : [];
  for (let index = 0; index < values.length; index++) {
    const item = values[index];
    // JSONata sequences never keep undefined members; drop any that slipped in.
    if (item === undefined) {
      out ??= values.slice(0, index);
      continue;
    }
    const converted = convert(item);
    if (converted === UNSUPPORTED) return UNSUPPORTED;
    if (out !== null) out.push(converted);
    else if (!Object.is(converted, item)) {
      out = values.slice(0, index);
      out.push(converted);
    }
  }
  if (out !== null) return out;
  if (values.length >= REMEMBER_FROM_MEMBERS) verifiedPlain.add(values);
  return values;
}

function convertObject(record: Record<string, unknown>): unknown {
  if (verifiedPlain.has(record)) return record;
  const keys = Object.keys(record);
  // Only ordinary objects are shared; anything else (null prototype, class instance) is copied.
  let out: Record<string, unknown> | null = Object.getPrototypeOf(record) === Object.prototype ? null : {};
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const member = record[key];
    if (member === undefined) {
      out ??= copyKeys(record, keys, index);
      continue;
    }
    const converted = convert(member);
    if (converted === UNSUPPORTED) return UNSUPPORTED;
    if (out !== null) setOwn(out, key, converted);
    else if (!Object.is(converted, member)) {
      out = copyKeys(record, keys, index);
      setOwn(out, key, converted);
    }
  }
  if (out !== null) return out;
  if (keys.length >= REMEMBER_FROM_MEMBERS) verifiedPlain.add(record);
  return record;
}

/** A fresh object with the first `count` keys of `record` (already known to be plain JSON). */
function copyKeys(record: Record<string, unknown>, keys: readonly string[], count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // setOwn: a `__proto__` key (e.g. from $parse) must stay a key, not become the prototype.
  for (let index = 0; index < count; index++) setOwn(out, keys[index] as string, record[keys[index] as string]);
  return out;
}

/** An ordinary array without any of JSONata's sequence markers (so it can be shared as is). */
function isPlainArray(values: readonly unknown[]): boolean {
  if (Object.getPrototypeOf(values) !== Array.prototype) return false;
  for (const marker of JSONATA_ARRAY_MARKERS) if (Object.hasOwn(values, marker)) return false;
  return true;
}

/** JSONata lambdas and built-ins are plain objects carrying one of these markers. */
function isJsonataFunction(value: object): boolean {
  const marked = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return marked._jsonata_lambda === true || marked._jsonata_function === true;
}
