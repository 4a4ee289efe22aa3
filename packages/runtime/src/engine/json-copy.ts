import { StatesError } from "../errors.ts";
import { copyNumberTexts } from "../data/number-text.ts";
import { MAX_JSON_NESTING, tooDeeplyNested, type NestingSubject } from "../limits/json-nesting.ts";

const DATA: NestingSubject = { error: "States.Runtime", what: "The data" };

/**
 * A private copy of JSON data crossing the API boundary (execution input and output), so callers
 * may change what they passed or got back without touching the execution. Cheaper than a JSON
 * round trip; like one, it drops `undefined` and functions, turns non-finite numbers into null
 * and Dates into strings, and never touches a prototype (`__proto__` stays a plain key).
 * Data nested deeper than MAX_JSON_NESTING (or cyclic) raises `subject`'s error instead of
 * overflowing the stack.
 */
export function copyJsonData(value: unknown, subject: NestingSubject = DATA): unknown {
  return copyAt(value, subject, 0);
}

function copyAt(value: unknown, subject: NestingSubject, depth: number): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON has no -0: a round trip turns it into 0.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case "object":
      break;
    case "bigint":
      throw notJson(subject, "a BigInt has no JSON form (JSON.stringify throws on it)");
    default:
      return null;
  }
  if (value === null) return null;
  if (depth >= MAX_JSON_NESTING) throw tooDeeplyNested(subject);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item === undefined || typeof item === "function" || typeof item === "symbol" ? null : copyAt(item, subject, depth + 1);
    }
    copyNumberTexts(value, out);
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Dates, class instances, Maps…: take JSON's view of them.
    const text = jsonTextOf(value, subject);
    return text === undefined ? null : copyAt(JSON.parse(text) as unknown, subject, depth);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    if (key === "__proto__") Object.defineProperty(out, key, { value: copyAt(item, subject, depth + 1), enumerable: true, writable: true, configurable: true });
    else out[key] = copyAt(item, subject, depth + 1);
  }
  copyNumberTexts(value, out);
  return out;
}

/** JSON's view of a non-plain object (its toJSON, a Date's text…), or a clear error when it has none. */
function jsonTextOf(value: object, subject: NestingSubject): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw notJson(subject, error instanceof Error ? error.message : String(error));
  }
}

function notJson(subject: NestingSubject, reason: string): StatesError {
  return new StatesError(subject.error, `${subject.what} is not JSON data: ${reason}.`);
}

/** Raises States.DataLimitExceeded for a payload over `limit` bytes of UTF-8 JSON. */
export function checkPayloadSize(value: unknown, limit: number, measure: (value: unknown) => number): void {
  if (limit === Number.POSITIVE_INFINITY) return;
  if (measure(value) > limit) {
    throw new StatesError("States.DataLimitExceeded", "The execution input or output exceeds the maximum number of bytes service limit.");
  }
}
