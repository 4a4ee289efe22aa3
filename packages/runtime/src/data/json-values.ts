/**
 * Deep equality of JSON values (object key order ignored), as Step Functions compares them. The one
 * copy in the runtime (Choice, intrinsics, filters, the conformance comparison). Not node:util's
 * isDeepStrictEqual: it tells `0` from `-0` and a null-prototype object from a plain one, which
 * JSON does not.
 */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !jsonEquals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Set an own data property. Plain assignment of `__proto__` would replace the prototype instead
 * of creating a key, so that one key goes through defineProperty (JSON.stringify still prints it).
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * A shallow copy of a JSON object, made to add or replace a key. Not `{ ...value }`: in Node.js
 * 20's V8, an object made by spreading that is then given a new key gets a hidden class of its
 * own (a map and a descriptor array, about 180 bytes, built on the slow path), so a ResultPath
 * applied in each of 10,000 Map iterations left 10,000 of them behind, and ran 3–5× slower.
 */
export function shallowCopy(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) setOwn(copy, keys[i]!, value[keys[i]!]);
  return copy;
}
