import { StatesError } from "../errors.ts";

/**
 * A private copy of JSON data crossing the API boundary (execution input and output), so callers
 * may change what they passed or got back without touching the execution. Cheaper than a JSON
 * round trip; like one, it drops `undefined` and functions, turns non-finite numbers into null
 * and Dates into strings, and never touches a prototype (`__proto__` stays a plain key).
 */
export function copyJsonData(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON has no -0: a round trip turns it into 0.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case "object":
      break;
    default:
      return null;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item === undefined || typeof item === "function" || typeof item === "symbol" ? null : copyJsonData(item);
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Dates, class instances, Maps…: take JSON's view of them.
    const text = JSON.stringify(value);
    return text === undefined ? null : (JSON.parse(text) as unknown);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    if (key === "__proto__") Object.defineProperty(out, key, { value: copyJsonData(item), enumerable: true, writable: true, configurable: true });
    else out[key] = copyJsonData(item);
  }
  return out;
}

/** Raises States.DataLimitExceeded for a payload over `limit` bytes of UTF-8 JSON. */
export function checkPayloadSize(value: unknown, limit: number, measure: (value: unknown) => number): void {
  if (limit === Number.POSITIVE_INFINITY) return;
  if (measure(value) > limit) {
    throw new StatesError("States.DataLimitExceeded", "The execution input or output exceeds the maximum number of bytes service limit.");
  }
}
